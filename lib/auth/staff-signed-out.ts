import { getDb } from "@/db/client";
import { listCaseworkerParticipantIdsOfUser } from "@/db/queries/participants";
import { findUserById } from "@/db/queries/users";
import { inOrganisation } from "../access/in-organisation";
import { publishSessionEnded } from "../access/revocation-bus";
import { staffSessionRef } from "../access/session-ref";
import { storedSessionToken } from "../access/session-token";

/**
 * A staff member signed out: Auth.js has deleted the session row. The meeting sockets opened with
 * that session (as the caseworker participant of their cases) must close too; tickets fetched
 * with it no longer open anything (the socket server finds the session gone). Their other
 * devices' sessions stay signed in. Without the session token (Auth.js did not pass one) every
 * socket of theirs closes with 4401, and those of live sessions come straight back.
 */
export async function staffSignedOut(input: { userId: string | null | undefined; sessionToken?: string | null }): Promise<void> {
  if (!input.userId) return;
  const sessionId = input.sessionToken ? staffSessionRef(storedSessionToken(input.sessionToken)) : null;
  const db = await getDb();
  // Auth.js tells us after the session is gone: the staff member's own organisation, to find their participants in.
  const organisationId = (await findUserById(db, input.userId))?.organisationId ?? null;
  const ids = await inOrganisation(organisationId, () => listCaseworkerParticipantIdsOfUser(db, input.userId!));
  for (const participantId of ids) await publishSessionEnded({ participantId, sessionId });
}
