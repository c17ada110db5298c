import { bigserial, index, pgTable, text, timestamp, uuid, bigint } from "drizzle-orm/pg-core";
import { cases, meetings } from "./cases";
import { bytea } from "./types";

/**
 * One row per collaboration document. `state` is the compacted Yjs state (an update that
 * holds everything up to `compactedThrough`); newer updates live in `collab_updates`.
 */
export const collabDocuments = pgTable("collab_documents", {
  name: text("name").primaryKey(),
  meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
  /** Set for per-case documents, e.g. the private preparation document `prep-<caseId>`. */
  caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
  state: bytea("state"),
  compactedThrough: bigint("compacted_through", { mode: "number" }).notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  compactedAt: timestamp("compacted_at", { withTimezone: true }),
});

/** The append-only update log. A row is committed before its update reaches anyone else. */
export const collabUpdates = pgTable(
  "collab_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    docName: text("doc_name")
      .notNull()
      .references(() => collabDocuments.name, { onDelete: "cascade" }),
    data: bytea("data").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("collab_updates_doc_idx").on(t.docName, t.id)],
);
