import { withAllOrganisations } from "@/db/organisation-scope";
import { getDb } from "@/db/client";
import { markMeetingCompleted } from "@/db/queries/meetings";
import { insertOrganisation } from "@/db/queries/organisations";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { createCase } from "../cases/create-case";
import { scheduleMeeting } from "../meetings/schedule-meeting";
import { addDays, dateInZone, zonedToInstant } from "../time/zoned";

export type DeadlineCases = { dkCaseId: string; dkSoonCaseId: string; noCaseId: string; noEmail: string };

/**
 * Test support (the browser spec's seeding route, POST /api/test-deadlines): a Danish caseworker
 * with two made-up cases — one whose first follow-up was held 10 days ago (met; the next in 18
 * days), one whose first follow-up is due in 3 days (due this week) — and a Norwegian veileder
 * (`no.<email>`) in a NAV office of its own with one case 40 days in with no plan (the follow-up
 * plan missed). Each call makes new organisations; staff work in one organisation only.
 */
export async function seedDeadlineCases(input: { email: string; now: Date }): Promise<DeadlineCases> {
  // A test fixture (the test-only route): it makes two organisations of its own and fills both.
  return withAllOrganisations(() => seed(input));
}

async function seed(input: { email: string; now: Date }): Promise<DeadlineCases> {
  const db = await getDb();
  const today = dateInZone(input.now);
  const dk = await insertOrganisation(db, { name: "Jobcenter Testby", country: "DK" });
  const no = await insertOrganisation(db, { name: "NAV Testby", country: "NO" });
  const staff = await provisionCaseworker({ email: input.email, organisationId: dk.id });
  const noEmail = `no.${input.email}`;
  const veileder = await provisionCaseworker({ email: noEmail, organisationId: no.id });
  const open = (organisationId: string, employeeName: string, daysAgo: number) => {
    const who = organisationId === no.id ? { user: veileder, email: noEmail } : { user: staff, email: input.email };
    return createCase({
      organisationId,
      employeeName,
      track: "employed",
      sickLeaveStart: addDays(today, -daysAgo),
      caseworker: { userId: who.user.id, displayName: who.user.name ?? "Sagsbehandler", email: who.email },
    });
  };
  const held = await open(dk.id, "Dina Dansk", 50);
  const m = await scheduleMeeting({
    caseId: held.id,
    track: "employed",
    title: "Første opfølgning",
    startsAt: zonedToInstant(addDays(today, -10), "10:00"),
  });
  await markMeetingCompleted(db, m.id);
  const soon = await open(dk.id, "Dan Snart", 7 * 8 - 1 - 3);
  const norwegian = await open(no.id, "Nora Norsk", 40);
  return { dkCaseId: held.id, dkSoonCaseId: soon.id, noCaseId: norwegian.id, noEmail };
}
