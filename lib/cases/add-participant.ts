import { getDb } from "@/db/client";
import { insertParticipant, listActiveParticipants } from "@/db/queries/participants";
import { AppError } from "../errors";
import { isRole, type Role } from "../plan/roles";

export type ParticipantSummary = { id: string; caseId: string; role: Role; displayName: string; colorIndex: number };

/** Add a person to a case in a role; each gets the next presence colour so nobody shares one. */
export async function addParticipant(input: {
  caseId: string;
  role: Role;
  displayName: string;
  email?: string | null;
}): Promise<ParticipantSummary> {
  const displayName = input.displayName.trim();
  if (!displayName || displayName.length > 120) {
    throw new AppError("INVALID_INPUT", "a name is required", { displayName: "required" });
  }
  if (!isRole(input.role)) throw new AppError("INVALID_INPUT", "unknown role", { role: "enum" });
  const db = await getDb();
  const existing = await listActiveParticipants(db, input.caseId);
  const row = await insertParticipant(db, {
    caseId: input.caseId,
    role: input.role,
    displayName,
    email: input.email ?? null,
    colorIndex: existing.length,
  });
  return { id: row.id, caseId: row.caseId, role: row.role, displayName: row.displayName, colorIndex: row.colorIndex };
}
