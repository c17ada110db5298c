import { z } from "zod";
import { getDb } from "@/db/client";
import { countAccessLogForCase, listAccessLogForCase } from "@/db/queries/access-log";
import { AppError } from "../errors";
import { assertCan } from "../permissions";
import type { Role } from "../plan/roles";
import { ACCESS_WHAT, isAccessPurpose, isAccessWhat, type AccessPurpose, type AccessWhat } from "./access-kinds";

export type AccessLogEntry = {
  id: number;
  /** The first showing of this row. */
  at: Date;
  /** Showings merged into this row (1 when it was not repeated), and the newest of them. */
  count: number;
  lastAt: Date;
  actor: { kind: "participant" | "staff" | "system"; id: string; name: string; role: string };
  /** A known kind, or "other" for a value this version has no label for. */
  what: AccessWhat | "other";
  purpose: AccessPurpose | "other";
  resourceId: string | null;
  /** The viewer's own visit. */
  mine: boolean;
};

/** Rows per page: enough to scan, few enough to read; paging shows the rest (issue 12.8). */
export const ACCESS_LOG_PAGE_SIZE = 50;
/** Beyond any real case's log; a bound on the offset a page number can ask for. */
const MAX_PAGE = 10_000;

/**
 * What a reader may ask of the log, as it arrives from a query string: `page` (1, 2, …), `what`
 * (one kind or several, comma-separated or repeated; none = all) and `mine` ("1" includes the
 * reader's own visits). Anything else is INVALID_INPUT with the offending field named.
 */
const ZQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  what: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(",")).filter((x) => x !== "")))
    .pipe(z.array(z.enum(ACCESS_WHAT)).max(ACCESS_WHAT.length)),
  mine: z.enum(["0", "1"]).default("0"),
});

export type AccessLogQuery = { page: number; what: AccessWhat[]; includeMine: boolean };

export function parseAccessLogQuery(raw: { page?: unknown; what?: unknown; mine?: unknown }): AccessLogQuery {
  const parsed = ZQuery.safeParse({ page: raw.page ?? undefined, what: raw.what ?? undefined, mine: raw.mine ?? undefined });
  if (!parsed.success) {
    const details: Record<string, string> = {};
    for (const issue of parsed.error.issues) details[String(issue.path[0] ?? "query")] = "invalid";
    throw new AppError("INVALID_INPUT", "the access log cannot be shown that way", details);
  }
  return { page: parsed.data.page, what: [...new Set(parsed.data.what)], includeMine: parsed.data.mine === "1" };
}

export type AccessLogPage = {
  entries: AccessLogEntry[];
  page: number;
  /** Pages in all (at least 1, also when there is nothing to show). */
  pageCount: number;
  /** Rows matching the filters in all. */
  total: number;
  /** There is a next page. */
  more: boolean;
};

/**
 * Who has seen this case's data, and when, newest first, one page at a time: for the employee
 * (their own data) and the caseworker (`access_log: view`), never for anyone else, and only for
 * the viewer's own case. `includeMine: false` leaves out the viewer's own visits, which are rarely
 * what they look for; `what` keeps only those kinds (e.g. only exports). Nothing drops off the
 * end: every row is on some page.
 */
export async function listAccessLog(input: {
  viewer: { kind: "participant" | "staff"; id: string; role: Role; caseId: string };
  caseId: string;
  includeMine?: boolean;
  page?: number;
  what?: readonly AccessWhat[];
}): Promise<AccessLogPage> {
  assertCan(input.viewer.role, "view", "access_log");
  if (input.viewer.caseId !== input.caseId) throw new AppError("FORBIDDEN", "not this case's access log");
  const includeMine = input.includeMine ?? true;
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), MAX_PAGE);
  const query = {
    caseId: input.caseId,
    excludeActor: includeMine ? undefined : { kind: input.viewer.kind, id: input.viewer.id },
    what: input.what && input.what.length > 0 ? input.what : undefined,
  };
  const db = await getDb();
  const [rows, total] = await Promise.all([
    listAccessLogForCase(db, { ...query, limit: ACCESS_LOG_PAGE_SIZE, offset: (page - 1) * ACCESS_LOG_PAGE_SIZE }),
    countAccessLogForCase(db, query),
  ]);
  const entries = rows.map((r) => ({
    id: r.id,
    at: r.at,
    count: r.count,
    lastAt: r.lastAt,
    actor: {
      kind: r.actorKind === "staff" ? ("staff" as const) : r.actorKind === "system" ? ("system" as const) : ("participant" as const),
      id: r.actorId,
      name: r.actorName,
      role: r.actorRole,
    },
    what: isAccessWhat(r.what) ? r.what : ("other" as const),
    purpose: isAccessPurpose(r.purpose) ? r.purpose : ("other" as const),
    resourceId: r.resourceId,
    mine: r.actorKind === input.viewer.kind && r.actorId === input.viewer.id,
  }));
  const pageCount = Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE));
  return { entries, page, pageCount, total, more: page < pageCount };
}
