/**
 * Which sign-in a collaboration ticket was fetched with, so the socket server can hold the ticket
 * to that session: `participant:<participant_sessions.id>` (a join link's session) or
 * `staff:<auth_sessions.session_token>` (a staff member's Auth.js session, stored as a SHA-256 of
 * the cookie: knowing it opens nothing, because the adapter hashes whatever cookie it is given).
 * The revocation bus carries the same string when one session ends.
 */
export type SessionRef = `participant:${string}` | `staff:${string}`;

export function participantSessionRef(sessionId: string): SessionRef {
  return `participant:${sessionId}`;
}

export function staffSessionRef(storedToken: string): SessionRef {
  return `staff:${storedToken}`;
}

export function parseSessionRef(v: unknown): { kind: "participant" | "staff"; id: string } | null {
  if (typeof v !== "string" || v.length > 200) return null;
  const i = v.indexOf(":");
  const kind = v.slice(0, i);
  const id = v.slice(i + 1);
  if ((kind !== "participant" && kind !== "staff") || id.length === 0) return null;
  return { kind, id };
}

export function isSessionRef(v: unknown): v is SessionRef {
  return parseSessionRef(v) !== null;
}
