import { getDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import type { Actors, Credentials, MeetingContext, Me } from "../access/actor";
import { identify, resolveAccess } from "../access/resolve-access";

/**
 * Test helpers around the one resolver (lib/access/resolve-access.ts): who credentials prove, a
 * participant session's `me`, a meeting as someone sees it, a person signed in at another time.
 * A staff session for a test: lib/auth/testing.ts `openStaffSession`.
 */
export function actorsOf(credentials: Credentials): Promise<Actors> {
  return identify(credentials);
}

/**
 * A staff user as the staff use-cases take who is acting (`who`), as if signed in now with their
 * current role; nobody for no id. An id of no user is a staff member with no role (refused).
 */
export async function staffWho(userId: string | null | undefined): Promise<Actors> {
  if (!userId) return { participant: null, staff: null };
  const user = await findUserById(await getDb(), userId);
  return {
    participant: null,
    staff: {
      kind: "staff",
      userId,
      email: user?.email ?? null,
      name: user?.name ?? null,
      organisationId: user?.organisationId ?? "",
      roles: user?.staffRole ? [user.staffRole] : [],
      authMethod: "email-link",
      authenticatedAt: new Date(),
    },
  };
}

/** The participant behind a session, on their own case; UNAUTHENTICATED when it is not live. */
export async function meOfSession(participantSessionToken: string | null | undefined): Promise<Me> {
  return (await resolveAccess(await identify({ participantSessionToken }), "own-case")).me;
}

/** A meeting as the holder of these credentials sees it (401 / 403 / 404 as a route would answer). */
export async function meetingAs(credentials: Credentials | string, meetingId: string): Promise<MeetingContext> {
  const c = typeof credentials === "string" ? { participantSessionToken: credentials } : credentials;
  return resolveAccess(await identify(c), { meetingId });
}

/** The same person, as if their session had been opened at `at` (signing asks how recent it is). */
export function signedInAt(me: Me, at: Date): Me {
  return { ...me, actor: { ...me.actor, authenticatedAt: at } };
}
