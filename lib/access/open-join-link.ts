import { getDb } from "@/db/client";
import { findJoinLinkByHash, recordJoinLinkUseAndOpenSession } from "@/db/queries/join-links";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { pickLandingMeeting } from "../time/pick-landing-meeting";
import { AppError } from "../errors";
import { env } from "../env";
import { organisationOfJoinLink } from "@/db/queries/organisation-of";
import { hashToken, looksLikeToken, newToken } from "./tokens";
import { inOrganisationOf } from "./in-organisation-of";

export type OpenedJoinLink = {
  sessionToken: string;
  sessionExpiresAt: Date;
  meetingId: string;
  participantId: string;
};

/**
 * Exchange a join-link token for a participant session. The token leaves the URL right after
 * this (the edge redirects), so it never lingers in history, logs or Referer headers.
 */
export async function openJoinLink(input: {
  token: string;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}): Promise<OpenedJoinLink> {
  if (!looksLikeToken(input.token)) throw new AppError("NOT_FOUND", "unknown join link");
  const hash = hashToken(input.token);
  // Nobody is signed in yet: the link names its organisation, and the rest happens in it.
  return inOrganisationOf(
    (db) => organisationOfJoinLink(db, hash),
    () => openIn({ ...input, hash }),
    () => {
      throw new AppError("NOT_FOUND", "unknown join link");
    },
  );
}

async function openIn(input: { hash: Uint8Array; ip: string | null; userAgent: string | null; now?: Date }): Promise<OpenedJoinLink> {
  const db = await getDb();
  const found = await findJoinLinkByHash(db, input.hash);
  if (!found) throw new AppError("NOT_FOUND", "unknown join link");
  const { link, participant } = found;
  const now = input.now ?? new Date();
  if (link.revokedAt) throw new AppError("GONE", "this join link was withdrawn");
  if (link.expiresAt <= now) throw new AppError("GONE", "this join link has expired");
  if (!link.reusable && link.useCount > 0) throw new AppError("GONE", "this join link was already used");
  if (participant.removedAt) throw new AppError("GONE", "this participant was removed from the case");

  const sessionToken = newToken();
  const sessionExpiresAt = new Date(now.getTime() + env().SESSION_TTL_HOURS * 3600_000);
  await recordJoinLinkUseAndOpenSession(db, {
    linkId: link.id,
    participantId: participant.id,
    sessionTokenHash: hashToken(sessionToken),
    sessionExpiresAt,
    ip: input.ip,
    userAgent: input.userAgent ? input.userAgent.slice(0, 400) : null,
  });
  // A link outlives its first meeting (join-link-expiry.ts): it opens the case's meeting now due.
  const current = pickLandingMeeting(await listMeetingsOfCases(db, [participant.caseId]), now);
  return { sessionToken, sessionExpiresAt, meetingId: current?.id ?? link.meetingId, participantId: participant.id };
}
