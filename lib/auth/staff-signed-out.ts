import { getDb } from "@/db/client";
import { listCaseworkerParticipantIdsOfUser } from "@/db/queries/auth";
import { announceParticipantRevoked } from "../invites/announce-participant-revoked";

/**
 * A staff member signed out: Auth.js has deleted the session row. Their open meeting sockets
 * (opened as the caseworker participant of their cases) must close too.
 */
export async function staffSignedOut(input: { userId: string | null | undefined }): Promise<void> {
  if (!input.userId) return;
  const ids = await listCaseworkerParticipantIdsOfUser(await getDb(), input.userId);
  for (const id of ids) await announceParticipantRevoked(id);
}
