import { getDb } from "@/db/client";
import { listAgreementsOfCase } from "@/db/queries/agreements";
import { findMeetingWithCase } from "@/db/queries/meetings";
import { insertOrganisation, listOrganisationsWithSetting } from "@/db/queries/organisations";
import { listActiveParticipants } from "@/db/queries/participants";
import type { Me } from "../access/actor";
import { createJoinLink } from "../access/create-join-link";
import { prepareAgreement } from "../agreements/prepare-agreement";
import { signAgreement } from "../agreements/sign-agreement";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { addParticipant } from "../cases/add-participant";
import { createCase } from "../cases/create-case";
import { followUpFill } from "../followup/follow-up-fill";
import { scheduleMeeting } from "../meetings/schedule-meeting";
import { MEETING_ROLES, type Role } from "../plan/roles";
import { addDays, dateInZone, zonedToInstant } from "../time/zoned";
import { fillSofieMeeting, SOFIE } from "./sofie-case";

const ROLES = [...MEETING_ROLES, "observer"] as const;
type DemoRole = (typeof ROLES)[number];
const CLIENT = { ip: null, userAgent: "Stepwise demo seed" };
/** The NAV office is found again by this setting, so a second seed does not make a second office. */
const DEMO_SETTING = "demoCase";

/** demo-links.json's `no`: the Norwegian case's room, case page, personal links and signed plan. */
export type NorwegianDemoLinks = {
  meetingUrl: string;
  caseUrl: string;
  links: Record<DemoRole, string>;
  agreementBundles: string[];
  caseworkerEmail: string;
};

/** Relative paths kept in demo-links.json (the join tokens exist only there). */
export type NorwegianDemoPaths = { meetingPath: string; linkPaths: Record<DemoRole, string> };

function absolute(baseUrl: string, caseId: string, paths: NorwegianDemoPaths, bundles: string[]): NorwegianDemoLinks {
  return {
    meetingUrl: `${baseUrl}${paths.meetingPath}`,
    caseUrl: `${baseUrl}/cases/${caseId}`,
    links: Object.fromEntries(ROLES.map((r) => [r, `${baseUrl}${paths.linkPaths[r]}`])) as Record<DemoRole, string>,
    agreementBundles: bundles,
    caseworkerEmail: SOFIE.caseworkerEmail,
  };
}

async function bundlesOf(caseId: string, baseUrl: string): Promise<string[]> {
  const versions = await listAgreementsOfCase(await getDb(), caseId);
  return versions.filter((v) => v.sealedAt).map((v) => `${baseUrl}/api/agreements/${v.id}/bundle`);
}

/**
 * The Norwegian demo case, once: a NAV office (country NO), Ingrid its veileder, Sofie on graded
 * sick leave, dialogue meeting 1 five weeks ago ending in a binding follow-up plan (signed through
 * the real use-cases), and today's dialogue meeting 2 starting from it. Re-based on this server's
 * address when it exists already.
 */
export async function ensureSofieDemo(input: {
  baseUrl: string;
  now: Date;
  existing: NorwegianDemoPaths | null;
}): Promise<{ links: NorwegianDemoLinks; paths: NorwegianDemoPaths }> {
  if (input.existing) {
    const meetingId = input.existing.meetingPath.split("/").pop() ?? "";
    const found = await findMeetingWithCase(await getDb(), meetingId).catch(() => null);
    if (found) {
      const caseId = found.meeting.caseId;
      return { links: absolute(input.baseUrl, caseId, input.existing, await bundlesOf(caseId, input.baseUrl)), paths: input.existing };
    }
  }
  return seedSofie(input.baseUrl, input.now);
}

async function navOffice(): Promise<string> {
  const db = await getDb();
  const known = (await listOrganisationsWithSetting(db, DEMO_SETTING)).find((o) => o.setting === "sofie");
  if (known) return known.id;
  return (await insertOrganisation(db, { name: SOFIE.organisationName, country: "NO", settings: { [DEMO_SETTING]: "sofie" } })).id;
}

async function seedSofie(baseUrl: string, now: Date): Promise<{ links: NorwegianDemoLinks; paths: NorwegianDemoPaths }> {
  const organisationId = await navOffice();
  const ingrid = await provisionCaseworker({ email: SOFIE.caseworkerEmail, name: SOFIE.people.caseworker, organisationId });
  const today = dateInZone(now);
  const kase = await createCase({
    organisationId,
    employeeName: SOFIE.employeeName,
    employer: SOFIE.employer,
    track: SOFIE.track,
    reference: SOFIE.reference,
    sickLeaveStart: addDays(today, -SOFIE.sickLeaveWeeksAgo * 7),
    caseworker: { userId: ingrid.id, displayName: SOFIE.people.caseworker, email: SOFIE.caseworkerEmail },
  });
  const people = { caseworker: kase.caseworkerParticipantId! } as Record<DemoRole, string>;
  for (const role of ROLES) {
    if (role === "caseworker") continue;
    people[role] = (await addParticipant({ caseId: kase.id, role, displayName: SOFIE.people[role], email: SOFIE.emails[role] })).id;
  }
  await seedFirstDialogueMeeting(kase.id, organisationId, now);
  const meeting = await scheduleMeeting({
    caseId: kase.id,
    track: kase.track,
    title: SOFIE.meetingTitle,
    startsAt: zonedToInstant(today, "13:00"),
    durationMinutes: 60,
    location: SOFIE.location,
    fill: await followUpFill(kase.id, "nb"),
  });
  const linkPaths = {} as Record<DemoRole, string>;
  for (const role of ROLES) {
    linkPaths[role] = (await createJoinLink({ participantId: people[role], meetingId: meeting.id, ttlDays: 365, reusable: true })).path;
  }
  const paths = { meetingPath: `/meetings/${meeting.id}`, linkPaths };
  return { links: absolute(baseUrl, kase.id, paths, await bundlesOf(kase.id, baseUrl)), paths };
}

/** Dialogue meeting 1, five weeks ago: the follow-up plan prepared by Ingrid and signed by all three. */
async function seedFirstDialogueMeeting(caseId: string, organisationId: string, now: Date): Promise<void> {
  const db = await getDb();
  const people = await listActiveParticipants(db, caseId);
  const person = (role: Role) => people.find((p) => p.role === role)!;
  const caseworker = person("caseworker");
  const employee = person("employee");
  const manager = person("manager");
  const day = addDays(dateInZone(now), -35);
  const startsAt = zonedToInstant(day, "10:00");
  const meeting = await scheduleMeeting({
    caseId,
    track: SOFIE.track,
    title: SOFIE.firstMeetingTitle,
    startsAt,
    durationMinutes: 60,
    location: SOFIE.location,
    fill: (doc) => fillSofieMeeting(doc, { today: day, owners: { caseworker: caseworker.id, employee: employee.id, manager: manager.id } }),
  });
  const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);
  const actor = (p: typeof caseworker, openedAt: Date): Me => ({
    participantId: p.id,
    caseId,
    role: p.role,
    displayName: p.displayName,
    colorIndex: p.colorIndex,
    actor: {
      kind: "participant",
      participantId: p.id,
      caseId,
      organisationId,
      roles: [],
      authMethod: "join-link",
      authenticatedAt: openedAt,
    },
  });
  const ingrid = actor(caseworker, at(5));
  const v = await prepareAgreement({ me: ingrid, meetingId: meeting.id, unionRepSigns: false, client: CLIENT, now: at(50) });
  for (const [i, p] of [caseworker, employee, manager].entries()) {
    await signAgreement({
      me: actor(p, at(45 + i)),
      agreementId: v.agreementId,
      confirmation: { mode: "own-device", typedName: p.displayName },
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
      now: at(52 + i),
    });
  }
}
