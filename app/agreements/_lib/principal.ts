import { cookies } from "next/headers";
import { sessionToken } from "@/app/_server/session";
import { STAFF_SESSION_COOKIES, type AgreementPrincipal } from "@/lib/agreements/require-agreement-actor";

/** The credentials of the page request: the participant's session and the staff member's. */
export async function pagePrincipal(): Promise<AgreementPrincipal> {
  const jar = await cookies();
  const staff = STAFF_SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  return { participantSessionToken: await sessionToken(), staffSessionToken: staff ?? null };
}
