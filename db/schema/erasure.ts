import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** What is kept of one agreement version after its case is erased: ids, times and hashes only. */
export type ErasedAgreement = {
  version: number;
  fingerprint: string;
  createdAt: string;
  sealedAt: string | null;
  sealKid: string | null;
  sealSignature: string | null;
  chainHead: string | null;
};

/**
 * The one row left of an erased case (docs/decisions.md, "Erasure"): that it existed, when and
 * why it was erased, by what (`erasedBy` is "admin:<staff id>", "cli" or "retention" — never a
 * name), and per agreement version its fingerprint and seal, so a copy someone kept can still be
 * matched ("agreement 2 of case X was sealed at T with fingerprint F"). No name, address or text.
 * Written only by the database function stepwise_erase_case (migration 0015), which runs with
 * the owner's rights; the application's role may only read it, and triggers refuse any change.
 */
export const caseErasures = pgTable("case_erasures", {
  // No foreign key: the case is gone.
  caseId: uuid("case_id").primaryKey(),
  erasedAt: timestamp("erased_at", { withTimezone: true }).notNull().defaultNow(),
  reason: text("reason").notNull(),
  erasedBy: text("erased_by").notNull(),
  caseCreatedAt: timestamp("case_created_at", { withTimezone: true }).notNull(),
  agreements: jsonb("agreements").$type<ErasedAgreement[]>().notNull(),
  accessLogRows: integer("access_log_rows").notNull(),
});
