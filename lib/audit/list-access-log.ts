import { getDb } from "@/db/client";
import { listAccessLogForCase } from "@/db/queries/access-log";
import { AppError } from "../errors";
import { assertCan } from "../permissions";
import type { Role } from "../plan/roles";
import { isAccessPurpose, isAccessWhat, type AccessPurpose, type AccessWhat } from "./access-kinds";

export type AccessLogEntry = {
  id: number;
  at: Date;
  actor: { kind: "participant" | "staff"; id: string; name: string; role: string };
  /** A known kind, or "other" for a value this version has no label for. */
  what: AccessWhat | "other";
  purpose: AccessPurpose | "other";
  resourceId: string | null;
  /** The viewer's own visit. */
  mine: boolean;
};

/** Rows shown at most; the page says so when there are more. */
export const ACCESS_LOG_PAGE_SIZE = 500;

/**
 * Who has seen this case's data, and when, newest first: for the employee (their own data) and
 * the caseworker (`access_log: view`), never for anyone else, and only for the viewer's own case.
 * `includeMine: false` leaves out the viewer's own visits, which are rarely what they look for.
 */
export async function listAccessLog(input: {
  viewer: { kind: "participant" | "staff"; id: string; role: Role; caseId: string };
  caseId: string;
  includeMine?: boolean;
}): Promise<{ entries: AccessLogEntry[]; more: boolean }> {
  assertCan(input.viewer.role, "view", "access_log");
  if (input.viewer.caseId !== input.caseId) throw new AppError("FORBIDDEN", "not this case's access log");
  const includeMine = input.includeMine ?? true;
  const rows = await listAccessLogForCase(await getDb(), {
    caseId: input.caseId,
    limit: ACCESS_LOG_PAGE_SIZE + 1,
    excludeActor: includeMine ? undefined : { kind: input.viewer.kind, id: input.viewer.id },
  });
  const entries = rows.slice(0, ACCESS_LOG_PAGE_SIZE).map((r) => ({
    id: r.id,
    at: r.at,
    actor: { kind: r.actorKind === "staff" ? ("staff" as const) : ("participant" as const), id: r.actorId, name: r.actorName, role: r.actorRole },
    what: isAccessWhat(r.what) ? r.what : ("other" as const),
    purpose: isAccessPurpose(r.purpose) ? r.purpose : ("other" as const),
    resourceId: r.resourceId,
    mine: r.actorKind === input.viewer.kind && r.actorId === input.viewer.id,
  }));
  return { entries, more: rows.length > ACCESS_LOG_PAGE_SIZE };
}
