import { withAllOrganisations } from "@/db/organisation-scope";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { findMeetingWithCase } from "@/db/queries/meetings";
import { linkParticipantToUser, listActiveParticipants } from "@/db/queries/participants";
import { createCase } from "../cases/create-case";
import { addParticipant } from "../cases/add-participant";
import { scheduleMeeting } from "../meetings/schedule-meeting";
import { createJoinLink } from "../access/create-join-link";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { MEETING_ROLES } from "../plan/roles";
import { addDays, dateInZone, zonedToInstant } from "../time/zoned";
import { fillKurtMeeting, KURT } from "./kurt-case";
import { ensureKurtAgreement } from "./seed-agreement";
import { ensureKurtFollowUp, kurtFollowUpFill } from "./seed-follow-up";
import { ensureSofieDemo, type NorwegianDemoLinks, type NorwegianDemoPaths } from "./seed-sofie";

/** The four who take part, and an observer who only follows (read-only). */
const DEMO_ROLES = [...MEETING_ROLES, "observer"] as const;
type DemoRole = (typeof DEMO_ROLES)[number];

export type DemoLinks = {
  meetingUrl: string;
  links: Record<DemoRole, string>;
  /** Mette, the demo caseworker, signs in at /signin with this address (mail goes to the outbox). */
  caseworkerEmail: string;
  /** Verification bundles of Kurt's signed agreements (participants only; see lib/demo/seed-agreement.ts). */
  agreementBundles?: string[];
  /** Kurt's case page (`/cases/<id>`): the timeline, progress, the binding agreement (participants and Mette). */
  caseUrl?: string;
  /** The Norwegian case (Sofie, NAV): its room, case page, personal links and signed follow-up plan. */
  no?: NorwegianDemoLinks;
};

const FILE = "demo-links.json";

type DemoPaths = { meetingPath: string; linkPaths: Partial<Record<DemoRole, string>>; no: NorwegianDemoPaths | null };

/** Relative paths of an existing demo, read back from DATA_DIR; null if there is none. */
function readDemoPaths(dataDir: string): DemoPaths | null {
  const file = path.join(dataDir, FILE);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as {
      meetingUrl: string;
      links: Record<string, string>;
      no?: { meetingUrl: string; links: Record<string, string> };
    };
    const toPath = (u: string) => new URL(u).pathname;
    const pathsOf = (links: Record<string, string>) => Object.fromEntries(Object.entries(links).map(([role, url]) => [role, toPath(url)]));
    const linkPaths = pathsOf(parsed.links) as DemoPaths["linkPaths"];
    const no = parsed.no
      ? { meetingPath: toPath(parsed.no.meetingUrl), linkPaths: pathsOf(parsed.no.links) as NorwegianDemoPaths["linkPaths"] }
      : null;
    return { meetingPath: toPath(parsed.meetingUrl), linkPaths, no };
  } catch {
    return null;
  }
}

function absolute(baseUrl: string, meetingPath: string, linkPaths: Record<DemoRole, string>): DemoLinks {
  return {
    meetingUrl: `${baseUrl}${meetingPath}`,
    links: Object.fromEntries(DEMO_ROLES.map((r) => [r, `${baseUrl}${linkPaths[r]}`])) as DemoLinks["links"],
    caseworkerEmail: KURT.caseworkerEmail,
  };
}

/**
 * Seed Kurt's case once and (re)write DATA_DIR/demo-links.json with absolute URLs for this
 * server's address. The join tokens exist only in that file (the database keeps their hashes),
 * so a restart reuses the file, re-based on the current address, instead of seeding again. A demo
 * seeded before there was staff sign-in gets Mette's account and the observer added.
 */
export async function ensureDemo(input: { dataDir: string; baseUrl: string; now?: Date }): Promise<{ links: DemoLinks; seeded: boolean }> {
  // The demo is seeded by the server at start (or the test-only route), before any organisation
  // is entered, and makes its own organisation: it works across organisations, on purpose.
  return withAllOrganisations(() => seedOrReuse(input));
}

async function seedOrReuse(input: { dataDir: string; baseUrl: string; now?: Date }): Promise<{ links: DemoLinks; seeded: boolean }> {
  mkdirSync(input.dataDir, { recursive: true });
  const existing = readDemoPaths(input.dataDir);
  if (existing) {
    const meetingId = existing.meetingPath.split("/").pop() ?? "";
    const stillThere = await findMeetingWithCase(await getDb(), meetingId).catch(() => null);
    if (stillThere) {
      const linkPaths = await completeDemo(stillThere.meeting.caseId, meetingId, existing.linkPaths);
      const agreementBundles = await ensureKurtAgreement({
        caseId: stillThere.meeting.caseId,
        baseUrl: input.baseUrl,
        now: input.now ?? new Date(),
      });
      await ensureKurtFollowUp({ caseId: stillThere.meeting.caseId, meetingId, now: input.now ?? new Date() });
      const no = await ensureSofieDemo({ baseUrl: input.baseUrl, now: input.now ?? new Date(), existing: existing.no });
      const links = {
        ...absolute(input.baseUrl, existing.meetingPath, linkPaths),
        agreementBundles,
        caseUrl: `${input.baseUrl}/cases/${stillThere.meeting.caseId}`,
        no: no.links,
      };
      writeFileSync(path.join(input.dataDir, FILE), JSON.stringify(links, null, 2) + "\n", { mode: 0o600 });
      return { links, seeded: false };
    }
  }
  const kurt = await seedKurt(input.baseUrl, input.now ?? new Date());
  const no = await ensureSofieDemo({ baseUrl: input.baseUrl, now: input.now ?? new Date(), existing: existing?.no ?? null });
  const links = { ...kurt, no: no.links };
  writeFileSync(path.join(input.dataDir, FILE), JSON.stringify(links, null, 2) + "\n", { mode: 0o600 });
  return { links, seeded: true };
}

/** Give an older demo what it lacks: Mette's staff account linked to her participant, an observer. */
async function completeDemo(caseId: string, meetingId: string, linkPaths: DemoPaths["linkPaths"]): Promise<Record<DemoRole, string>> {
  const db = await getDb();
  const mette = await provisionCaseworker({ email: KURT.caseworkerEmail, name: KURT.people.caseworker });
  const people = await listActiveParticipants(db, caseId);
  const caseworker = people.find((p) => p.role === "caseworker" && (p.userId === null || p.userId === mette.id));
  if (caseworker && caseworker.userId === null) await linkParticipantToUser(db, caseworker.id, mette.id);
  const out = { ...linkPaths };
  if (!out.observer) {
    const observer = await addParticipant({ caseId, role: "observer", displayName: KURT.people.observer });
    out.observer = (await createJoinLink({ participantId: observer.id, meetingId, ttlDays: 365, reusable: true })).path;
  }
  return out as Record<DemoRole, string>;
}

async function seedKurt(baseUrl: string, now: Date): Promise<DemoLinks> {
  const mette = await provisionCaseworker({ email: KURT.caseworkerEmail, name: KURT.people.caseworker });
  const kase = await createCase({
    organisationId: mette.organisationId,
    employeeName: KURT.employeeName,
    employer: KURT.employer,
    track: KURT.track,
    reference: KURT.reference,
    // Off sick nine weeks before the demo's day: the first agreement was signed four weeks ago.
    sickLeaveStart: addDays(dateInZone(now), -KURT.sickLeaveWeeksAgo * 7),
    caseworker: { userId: mette.id, displayName: KURT.people.caseworker, email: KURT.caseworkerEmail },
  });
  const people = { caseworker: kase.caseworkerParticipantId! } as Record<DemoRole, string>;
  for (const role of DEMO_ROLES) {
    if (role === "caseworker") continue;
    people[role] = (await addParticipant({ caseId: kase.id, role, displayName: KURT.people[role], email: KURT.emails[role] })).id;
  }
  const today = dateInZone(now);
  // The earlier meeting and its binding agreement first: today's meeting follows it up.
  const agreementBundles = await ensureKurtAgreement({ caseId: kase.id, baseUrl, now });
  const meeting = await scheduleMeeting({
    caseId: kase.id,
    track: kase.track,
    title: KURT.meetingTitle,
    startsAt: zonedToInstant(today, "10:00"),
    durationMinutes: 75,
    location: KURT.location,
    fill: (await kurtFollowUpFill(kase.id)) ?? ((doc) => fillKurtMeeting(doc, { today, owners: people })),
  });
  await ensureKurtFollowUp({ caseId: kase.id, meetingId: meeting.id, now });
  const linkPaths = {} as Record<DemoRole, string>;
  for (const role of DEMO_ROLES) {
    // Demo links may be used again and again, for a year.
    linkPaths[role] = (await createJoinLink({ participantId: people[role], meetingId: meeting.id, ttlDays: 365, reusable: true })).path;
  }
  return { ...absolute(baseUrl, `/meetings/${meeting.id}`, linkPaths), agreementBundles, caseUrl: `${baseUrl}/cases/${kase.id}` };
}
