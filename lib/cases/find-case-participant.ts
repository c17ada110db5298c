import { z } from "zod";
import { getDb } from "@/db/client";
import { findParticipant } from "@/db/queries/participants";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import type { Role } from "../plan/roles";
import { isUuid } from "../collab/doc-names";

const ZParticipantRef = z.object({ participantId: z.string({ message: "required" }).refine(isUuid, "required") });

export type CaseParticipant = { id: string; role: Role; displayName: string; email: string | null; userId: string | null };

/**
 * The active participant `raw.participantId` of this case. Someone of another case looks exactly
 * like someone who does not exist (NOT_FOUND), so ids of other cases cannot be probed.
 */
export async function findCaseParticipant(caseId: string, raw: unknown): Promise<CaseParticipant> {
  const parsed = ZParticipantRef.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const p = await findParticipant(await getDb(), parsed.data.participantId);
  if (!p || p.caseId !== caseId || p.removedAt) throw new AppError("NOT_FOUND", "no such participant on this case");
  return { id: p.id, role: p.role, displayName: p.displayName, email: p.email, userId: p.userId };
}
