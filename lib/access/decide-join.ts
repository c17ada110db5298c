import { getDb } from "@/db/client";
import { findJoinLinkByHash } from "@/db/queries/join-links";
import { findLiveParticipantSession, findMeetingOfLiveSession } from "@/db/queries/sessions";
import type { Role } from "../plan/roles";
import { organisationOfJoinLink, organisationOfParticipantSession } from "@/db/queries/organisation-of";
import { hashToken, looksLikeToken } from "./tokens";
import { inOrganisationOf } from "./in-organisation-of";

export type JoinPerson = { displayName: string; role: Role };

/**
 * What opening a join link in this browser should do:
 * - `open`: sign in with it at once — nobody is signed in here by link, or it is the same person's
 *   own link again (or the link cannot be used, which openJoinLink then says calmly);
 * - `ask`: this browser is signed in as another participant. Opening the link would silently make
 *   the browser someone else — e.g. a stranger's own link, sent to a victim, so that what the
 *   victim then writes or signs is recorded as the stranger's (issue 12.11). So we ask first.
 *
 * `keepMeetingId` is where "stay as I am" leads (the meeting of the current session's link).
 */
export type JoinDecision = { kind: "open" } | { kind: "ask"; current: JoinPerson; next: JoinPerson; keepMeetingId: string | null };

export async function decideJoin(input: { token: string; sessionToken: string | null | undefined; now?: Date }): Promise<JoinDecision> {
  if (!looksLikeToken(input.token) || !looksLikeToken(input.sessionToken)) return { kind: "open" };
  const db = await getDb();
  const sessionHash = hashToken(input.sessionToken);
  const linkHash = hashToken(input.token);
  // Nobody is in an organisation yet, and the session and the link may be of two different ones:
  // each is read in its own.
  const inSessions = <T>(fn: () => Promise<T>, none: T) =>
    inOrganisationOf(
      (d) => organisationOfParticipantSession(d, sessionHash),
      fn,
      () => none,
    );
  const current = (await inSessions(() => findLiveParticipantSession(db, sessionHash, new Date()), null))?.participant;
  if (!current) return { kind: "open" };
  const found = await inOrganisationOf(
    (d) => organisationOfJoinLink(d, linkHash),
    () => findJoinLinkByHash(db, linkHash),
    () => null,
  );
  if (!found || found.participant.id === current.id) return { kind: "open" };
  // A link that can no longer be opened changes nothing here: no need to ask, openJoinLink refuses it.
  const now = input.now ?? new Date();
  if (found.link.revokedAt || found.link.expiresAt <= now || found.participant.removedAt) return { kind: "open" };
  return {
    kind: "ask",
    current: { displayName: current.displayName, role: current.role },
    next: { displayName: found.participant.displayName, role: found.participant.role },
    keepMeetingId: await inSessions(() => findMeetingOfLiveSession(db, sessionHash), null),
  };
}
