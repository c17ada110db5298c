import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { findMeetingWithCase } from "@/db/queries/meetings";
import { createCase } from "../cases/create-case";
import { addParticipant } from "../cases/add-participant";
import { scheduleMeeting } from "../meetings/schedule-meeting";
import { createJoinLink } from "../access/create-join-link";
import { MEETING_ROLES } from "../plan/roles";
import { dateInZone, zonedToInstant } from "../time/zoned";
import { fillKurtMeeting, KURT } from "./kurt-case";

export type DemoLinks = {
  meetingUrl: string;
  links: Record<(typeof MEETING_ROLES)[number], string>;
};

const FILE = "demo-links.json";

/** Relative paths of an existing demo, read back from DATA_DIR; null if there is none. */
function readDemoPaths(dataDir: string): { meetingPath: string; linkPaths: DemoLinks["links"] } | null {
  const file = path.join(dataDir, FILE);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as DemoLinks;
    const toPath = (u: string) => new URL(u).pathname;
    const linkPaths = Object.fromEntries(
      Object.entries(parsed.links).map(([role, url]) => [role, toPath(url)]),
    ) as DemoLinks["links"];
    return { meetingPath: toPath(parsed.meetingUrl), linkPaths };
  } catch {
    return null;
  }
}

function absolute(baseUrl: string, meetingPath: string, linkPaths: DemoLinks["links"]): DemoLinks {
  return {
    meetingUrl: `${baseUrl}${meetingPath}`,
    links: Object.fromEntries(Object.entries(linkPaths).map(([r, p]) => [r, `${baseUrl}${p}`])) as DemoLinks["links"],
  };
}

/**
 * Seed Kurt's case once and (re)write DATA_DIR/demo-links.json with absolute URLs for this
 * server's address. The join tokens exist only in that file (the database keeps their hashes),
 * so a restart reuses the file, re-based on the current address, instead of seeding again.
 */
export async function ensureDemo(input: { dataDir: string; baseUrl: string; now?: Date }): Promise<{ links: DemoLinks; seeded: boolean }> {
  mkdirSync(input.dataDir, { recursive: true });
  const existing = readDemoPaths(input.dataDir);
  if (existing) {
    const meetingId = existing.meetingPath.split("/").pop() ?? "";
    const stillThere = await findMeetingWithCase(await getDb(), meetingId).catch(() => null);
    if (stillThere) {
      const links = absolute(input.baseUrl, existing.meetingPath, existing.linkPaths);
      writeFileSync(path.join(input.dataDir, FILE), JSON.stringify(links, null, 2) + "\n", { mode: 0o600 });
      return { links, seeded: false };
    }
  }
  const links = await seedKurt(input.baseUrl, input.now ?? new Date());
  writeFileSync(path.join(input.dataDir, FILE), JSON.stringify(links, null, 2) + "\n", { mode: 0o600 });
  return { links, seeded: true };
}

async function seedKurt(baseUrl: string, now: Date): Promise<DemoLinks> {
  const kase = await createCase({ employeeName: KURT.employeeName, employer: KURT.employer, track: KURT.track });
  const people = {} as Record<(typeof MEETING_ROLES)[number], string>;
  for (const role of MEETING_ROLES) {
    people[role] = (await addParticipant({ caseId: kase.id, role, displayName: KURT.people[role] })).id;
  }
  const today = dateInZone(now);
  const meeting = await scheduleMeeting({
    caseId: kase.id,
    track: kase.track,
    title: KURT.meetingTitle,
    startsAt: zonedToInstant(today, "10:00"),
    durationMinutes: 75,
    location: KURT.location,
    fill: (doc) => fillKurtMeeting(doc, { today, owners: people }),
  });
  const linkPaths = {} as DemoLinks["links"];
  for (const role of MEETING_ROLES) {
    // Demo links may be used again and again, for a year.
    linkPaths[role] = (await createJoinLink({ participantId: people[role], meetingId: meeting.id, ttlDays: 365, reusable: true })).path;
  }
  return absolute(baseUrl, `/meetings/${meeting.id}`, linkPaths);
}
