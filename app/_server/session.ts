import { cookies } from "next/headers";
import { SESSION_COOKIE_NAMES } from "@/lib/access/session-cookie";
import { STAFF_SESSION_COOKIE_NAMES } from "@/lib/auth/session-token";

/** The participant session token from the request's cookies, if any. */
export async function sessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const v = jar.get(name)?.value;
    if (v) return v;
  }
  return undefined;
}

/** The staff (Auth.js) session token from the request's cookies, if any: tickets are bound to it. */
export async function staffSessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  for (const name of STAFF_SESSION_COOKIE_NAMES) {
    const v = jar.get(name)?.value;
    if (v) return v;
  }
  return undefined;
}

/** Whether this request reached us over HTTPS (directly or through a proxy that says so). */
export function isSecureRequest(req: Request): boolean {
  const proto = req.headers.get("x-forwarded-proto");
  if (proto) return proto.split(",")[0]!.trim() === "https";
  return new URL(req.url).protocol === "https:";
}
