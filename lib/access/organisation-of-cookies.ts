import { identify } from "./resolve-access";
import { organisationOfActors } from "./organisation-of-actors";
import { SESSION_COOKIE_NAMES } from "./session-cookie";
import { STAFF_SESSION_COOKIE_NAMES } from "./session-token";

/**
 * The organisation a browser request acts in, from its session cookies alone (a `Cookie` header):
 * the staff member's, else the participant's case's — the same pick as a page's (page-access.ts)
 * — or null when it carries no live session. The server enters it before Next renders anything
 * (server/request-organisation.ts), so a page's whole render, every component and list of it,
 * sees that organisation's case data only; routes and actions then enter their actor's as before.
 */
export async function organisationOfCookies(cookieHeader: string | undefined, now: Date): Promise<string | null> {
  const participantSessionToken = cookieValue(cookieHeader, SESSION_COOKIE_NAMES);
  const staffSessionToken = cookieValue(cookieHeader, STAFF_SESSION_COOKIE_NAMES);
  if (!participantSessionToken && !staffSessionToken) return null;
  const actors = await identify({ participantSessionToken, staffSessionToken, apiToken: null }, now);
  return organisationOfActors(null, actors);
}

/** The first of these cookies the header carries, decoded (as app/_server/request.ts's cookieOf). */
export function cookieValue(header: string | undefined, names: readonly string[]): string | null {
  const parts = (header ?? "").split(";");
  for (const name of names) {
    for (const part of parts) {
      const i = part.indexOf("=");
      if (i > 0 && part.slice(0, i).trim() === name) {
        try {
          const v = decodeURIComponent(part.slice(i + 1).trim());
          if (v) return v;
        } catch {
          // A malformed value is no credential.
        }
      }
    }
  }
  return null;
}
