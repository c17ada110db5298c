import { z } from "zod";
import { getDb } from "@/db/client";
import { insertAccessLogRow } from "@/db/queries/access-log";
import { AppError } from "../errors";
import { ACCESS_PURPOSE, ACCESS_WHAT, type AccessActor, type AccessPurpose, type AccessWhat } from "./access-kinds";

/** What an access-log entry must be (shared with recordRepeatedAccess). */
export const ZAccessInput = z.object({
  who: z.object({
    kind: z.enum(["participant", "staff", "system"]),
    id: z.string().min(1).max(200),
    name: z.string().max(500),
    role: z.string().min(1).max(50),
  }),
  caseId: z.uuid(),
  what: z.enum(ACCESS_WHAT),
  resourceId: z.string().max(200).nullish(),
  purpose: z.enum(ACCESS_PURPOSE),
});

export type RecordAccessInput = {
  who: AccessActor;
  /** Whose data: the case (the employee's return-to-work process). */
  caseId: string;
  what: AccessWhat;
  /** The meeting, document, agreement … shown. */
  resourceId?: string | null;
  purpose: AccessPurpose;
};

/**
 * Append one access-log row: `who` was shown case `caseId`'s data (`what`, `resourceId`) for
 * `purpose`, now. Call it once each time data is actually shown (a page rendered with case data,
 * a collaboration document opened, an export) — not for access checks and not for denials, which
 * go to the server log only. Awaited by the caller: if the row cannot be written, the data is not
 * shown (no showing without its record).
 */
export async function recordAccess(input: RecordAccessInput): Promise<void> {
  const parsed = ZAccessInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", `access log entry: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  const v = parsed.data;
  await insertAccessLogRow(await getDb(), {
    caseId: v.caseId,
    actorKind: v.who.kind,
    actorId: v.who.id,
    actorName: v.who.name,
    actorRole: v.who.role,
    what: v.what,
    resourceId: v.resourceId ?? null,
    purpose: v.purpose,
  });
}
