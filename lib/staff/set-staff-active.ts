import { getDb } from "@/db/client";
import { listCaseworkerParticipantIdsOfUser } from "@/db/queries/participants";
import { deleteSessionsOfUser } from "@/db/queries/sessions";
import { updateStaffOfOrganisation } from "@/db/queries/users";
import type { StaffActor } from "../access/actor";
import { publishSessionEnded } from "../access/revocation-bus";
import { AppError } from "../errors";
import { staffAdminOrganisation } from "./staff-admin";

/**
 * An administrator deactivates a colleague (not themselves): they can no longer sign in, every
 * session of theirs ends at once (the rows go), and every open meeting socket of theirs closes —
 * on every instance, through the revocation bus. Reactivating lets them sign in again; nothing of
 * the old sessions comes back.
 */
export async function setStaffActive(input: { actor: StaffActor; staffId: unknown; active: boolean; now?: Date }): Promise<void> {
  const organisationId = staffAdminOrganisation(input.actor);
  if (typeof input.staffId !== "string" || !input.staffId) throw new AppError("NOT_FOUND", "no such staff member");
  if (input.staffId === input.actor.userId) throw new AppError("CONFLICT", "not yourself", { form: "self" });
  const db = await getDb();
  const row = await updateStaffOfOrganisation(db, organisationId, input.staffId, {
    deactivatedAt: input.active ? null : (input.now ?? new Date()),
  });
  if (!row) throw new AppError("NOT_FOUND", "no such staff member");
  if (input.active) return;
  await deleteSessionsOfUser(db, row.id);
  for (const participantId of await listCaseworkerParticipantIdsOfUser(db, row.id)) {
    await publishSessionEnded({ participantId, sessionId: null });
  }
}
