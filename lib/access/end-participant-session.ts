import { getDb } from "@/db/client";
import { revokeSessionByHash } from "@/db/queries/sessions";
import { organisationOfParticipantSession } from "@/db/queries/organisation-of";
import { hashToken, looksLikeToken } from "./tokens";
import { inOrganisationOf } from "./in-organisation-of";
import { publishSessionEnded } from "./revocation-bus";
import { participantSessionRef } from "./session-ref";

/**
 * Sign a participant out on this device: the session row is revoked (so the cookie, even if
 * copied, no longer works anywhere, nor any ticket fetched with it) and the revocation bus tells
 * the socket server to close this session's open sockets. Idempotent: signing out without a (live) session does nothing.
 */
export async function endParticipantSession(sessionToken: string | undefined | null): Promise<{ ended: boolean }> {
  if (!looksLikeToken(sessionToken)) return { ended: false };
  const hash = hashToken(sessionToken);
  // Signing out may come without any organisation entered (the sign-out route needs nobody signed in).
  const revoked = await inOrganisationOf(
    (db) => organisationOfParticipantSession(db, hash),
    async () => revokeSessionByHash(await getDb(), hash),
    () => null,
  );
  if (!revoked) return { ended: false };
  await publishSessionEnded({ participantId: revoked.participantId, sessionId: participantSessionRef(revoked.id) });
  return { ended: true };
}
