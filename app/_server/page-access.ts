import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actors, Credentials, MeetingContext, Me, StaffActor } from "@/lib/access/actor";
import { identify, resolveAccess, type AccessTarget } from "@/lib/access/resolve-access";
import { inOrganisation } from "@/lib/access/in-organisation";
import { organisationOfActors } from "@/lib/access/organisation-of-actors";
import { serverNow } from "@/lib/time/server-clock";
import { readCredentials } from "./credentials";

/**
 * The page side of the edge: who opened this page, read once per request (React's cache) from the
 * one credential reader and the one resolver. A page that shows case data records it (its row in
 * app/access-log-coverage.test.ts); a page answers "not found" or the sign-in page where a route
 * would answer 404 or 401.
 */
export const pageCredentials = cache(async (): Promise<Credentials> => readCredentials());

export const pageActors = cache(async (): Promise<Actors> => identify(await pageCredentials(), serverNow()));

/** The signed-in staff member, or null. */
export async function pageStaff(): Promise<StaffActor | null> {
  return (await pageActors()).staff;
}

/** For staff pages: the staff member, or a redirect to the sign-in page that comes back here. */
export async function requireStaffPage(returnTo: string): Promise<StaffActor> {
  const staff = await pageStaff();
  if (!staff) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return staff;
}

/** The page's viewer as a participant of a case, a meeting's case or an agreement's case (401/403/404 thrown). */
export async function pageAccess(target: { meetingId: string }): Promise<MeetingContext>;
export async function pageAccess(target: AccessTarget): Promise<{ me: Me }>;
export async function pageAccess(target: AccessTarget): Promise<{ me: Me } | MeetingContext> {
  const actors = await pageActors();
  // Resolved in the viewer's organisation: another organisation's case is "not found".
  return inOrganisation(organisationOfActors(null, actors), () => resolveAccess(actors, target));
}
