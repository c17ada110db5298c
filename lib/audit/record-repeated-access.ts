import { getDb } from "@/db/client";
import { recordRepeatableAccess } from "@/db/queries/access-log";
import { AppError } from "../errors";
import { ZAccessInput, type RecordAccessInput } from "./record-access";

/**
 * Repeated showings of the same thing to the same person within this window are one access-log
 * row with a count and the time of the last one (issue 12.8). Counted from the row's first
 * showing, so a person connected all day still gets a new row every quarter of an hour.
 */
export const ACCESS_REPEAT_WINDOW_MS = 15 * 60_000;

/**
 * Like recordAccess, for showings that repeat by themselves (a document opened over a socket:
 * every reconnect opens it again): the same actor, case, thing and purpose within
 * ACCESS_REPEAT_WINDOW_MS count up on the existing row instead of adding one, so a flood of opens
 * cannot bury the rows that matter. Every showing is still counted, and awaited: no showing
 * without its record.
 */
export async function recordRepeatedAccess(input: RecordAccessInput, now = new Date()): Promise<"new" | "merged"> {
  const parsed = ZAccessInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", `access log entry: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  const v = parsed.data;
  return recordRepeatableAccess(
    await getDb(),
    {
      caseId: v.caseId,
      actorKind: v.who.kind,
      actorId: v.who.id,
      actorName: v.who.name,
      actorRole: v.who.role,
      what: v.what,
      resourceId: v.resourceId ?? null,
      purpose: v.purpose,
    },
    new Date(now.getTime() - ACCESS_REPEAT_WINDOW_MS),
  );
}
