import { cookies } from "next/headers";
import type { Credentials } from "@/lib/access/actor";
import { SESSION_COOKIE_NAMES } from "@/lib/access/session-cookie";
import { STAFF_SESSION_COOKIE_NAMES } from "@/lib/access/session-token";
import { cookieOf } from "./request";

/**
 * The one place that reads credentials: the participant session cookie (a personal join link),
 * the staff session cookie (Auth.js) and an organisation's API token (`Authorization: Bearer`,
 * for its own systems calling /api/v1/; route-handler.ts lets only `auth: "organisation"` routes
 * act on it). From the Request when there is one (route handlers,
 * callable from tests), else from Next's request scope (pages, server actions). Who they prove
 * is lib's question: lib/access/resolve-access.ts.
 *
 * A staff cookie is also shown to Auth.js (`auth()`), which keeps an active staff session alive
 * (its rolling expiry) as it always has whenever a page or route read the session through it.
 */
export async function readCredentials(req?: Request): Promise<Credentials> {
  let participantSessionToken: string | undefined;
  let staffSessionToken: string | undefined;
  let apiToken: string | null;
  if (req) {
    participantSessionToken = cookieOf(req, SESSION_COOKIE_NAMES);
    staffSessionToken = cookieOf(req, STAFF_SESSION_COOKIE_NAMES);
    apiToken = bearerOf(req.headers.get("authorization"));
  } else {
    const jar = await cookies();
    participantSessionToken = SESSION_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
    staffSessionToken = STAFF_SESSION_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
    // Pages and server actions are for people in a browser: an API token opens none of them.
    apiToken = null;
  }
  if (staffSessionToken) await keepStaffSessionAlive();
  return { participantSessionToken: participantSessionToken ?? null, staffSessionToken: staffSessionToken ?? null, apiToken };
}

/** `Authorization: Bearer <token>` → the token (whether it is one of ours is lib/access's question). */
function bearerOf(header: string | null): string | null {
  const m = header ? /^Bearer[ ]+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1]! : null;
}

/** The participant session token alone (signing out of it, deciding a join). */
export async function participantSessionToken(req?: Request): Promise<string | undefined> {
  if (req) return cookieOf(req, SESSION_COOKIE_NAMES);
  const jar = await cookies();
  return SESSION_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
}

async function keepStaffSessionAlive(): Promise<void> {
  // Loaded only when a staff cookie is present: Auth.js is not needed for anyone else.
  const { auth } = await import("./auth");
  await auth();
}
