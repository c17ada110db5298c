import { getDb } from "@/db/client";
import { revokeSessionByHash } from "@/db/queries/participant-sessions";
import { hashToken, looksLikeToken } from "./tokens";
import { publishSessionEnded } from "./revocation-bus";

/**
 * Sign a participant out on this device: the session row is revoked (so the cookie, even if
 * copied, no longer works anywhere) and the revocation bus tells the socket server to close this
 * participant's open sockets. Idempotent: signing out without a (live) session does nothing.
 */
export async function endParticipantSession(sessionToken: string | undefined | null): Promise<{ ended: boolean }> {
  if (!looksLikeToken(sessionToken)) return { ended: false };
  const revoked = await revokeSessionByHash(await getDb(), hashToken(sessionToken));
  if (!revoked) return { ended: false };
  await publishSessionEnded({ participantId: revoked.participantId, sessionId: revoked.id });
  return { ended: true };
}
