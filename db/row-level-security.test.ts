import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "./client";
import { withAllOrganisations, withOrganisation } from "./organisation-scope";
import {
  organisationOfCaseId,
  organisationOfJoinLink,
  organisationOfMeetingId,
  organisationOfParticipantSession,
} from "./queries/organisation-of";
import { findCase } from "./queries/cases";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";
import { agreements, cases, collabDocuments, joinLinks, meetings, organisations, participantSessions, participants } from "./schema";

/**
 * Row-level security keeps an organisation's case data from a statement run for another
 * organisation — with no check of ours in the way (plain queries, db/queries' own functions) — on
 * PostgreSQL as the application role and on PGlite (whose one user is a superuser: the statements
 * run as the application's role there, db/scoped-clients.ts).
 */
type Target = { kind: string; handle: DbHandle; rawAsApp?: () => Promise<number>; close(): Promise<void> };

const targets: Target[] = [];
let scratch: ScratchDatabase | null = null;

beforeAll(async () => {
  const pglite = await openDatabase({ inMemory: true });
  targets.push({ kind: "pglite", handle: pglite, close: () => pglite.close() });
  if (process.env.DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.DATABASE_URL, "stepwise_rls");
    const pg = await openDatabase({ databaseUrl: scratch.appUrl, ownerUrl: scratch.ownerUrl });
    const appUrl = scratch.appUrl;
    targets.push({
      kind: "postgres",
      handle: pg,
      // The application's role on a connection of its own that sets no organisation at all.
      rawAsApp: async () => {
        const c = postgres(appUrl, { max: 1, onnotice: () => {} });
        try {
          return (await c`select count(*)::int as n from cases`)[0]!.n as number;
        } finally {
          await c.end();
        }
      },
      close: () => pg.close(),
    });
  }
});
afterAll(async () => {
  for (const t of targets) await t.close();
  await scratch?.drop();
});

/** Made as the operator would (the handle's statements outside a scope see nothing). */
function seed(h: DbHandle, name: string) {
  return withAllOrganisations(() => seedAll(h, name));
}

async function seedAll(h: DbHandle, name: string) {
  const [org] = await h.db.insert(organisations).values({ name, country: "DK" }).returning();
  const [c] = await h.db
    .insert(cases)
    .values({ organisationId: org!.id, employeeName: `${name} person`, track: "employed" })
    .returning();
  const [p] = await h.db.insert(participants).values({ caseId: c!.id, role: "employee", displayName: "P" }).returning();
  const [m] = await h.db.insert(meetings).values({ caseId: c!.id, title: "M", startsAt: new Date() }).returning();
  const [a] = await h.db
    .insert(agreements)
    .values({ caseId: c!.id, version: 1, canonical: Buffer.from("{}"), fingerprint: "f", requiredSigners: ["employee"] })
    .returning();
  const linkHash = Buffer.from(`link-${name}`.padEnd(32, "."));
  const sessionHash = Buffer.from(`session-${name}`.padEnd(32, "."));
  await h.db
    .insert(joinLinks)
    .values({ participantId: p!.id, meetingId: m!.id, tokenHash: linkHash, expiresAt: new Date(Date.now() + 3_600_000) });
  await h.db
    .insert(participantSessions)
    .values({ participantId: p!.id, tokenHash: sessionHash, expiresAt: new Date(Date.now() + 3_600_000) });
  await h.db.insert(collabDocuments).values({ name: `meeting-${m!.id}`, meetingId: m!.id, state: new Uint8Array([0, 0]) });
  return { orgId: org!.id, caseId: c!.id, participantId: p!.id, meetingId: m!.id, agreementId: a!.id, linkHash, sessionHash };
}

describe("row-level security", () => {
  it("shows a statement run for one organisation none of another's cases, participants, meetings or agreements", async () => {
    for (const { kind, handle: h } of targets) {
      const a = await seed(h, `A-${kind}`);
      const b = await seed(h, `B-${kind}`);
      await withOrganisation(a.orgId, async () => {
        const seen = await h.db.select({ id: cases.id }).from(cases);
        expect(
          seen.map((r) => r.id),
          kind,
        ).toEqual([a.caseId]);
        // Asked for by id, as a use-case would be if its own check were skipped.
        expect(await findCase(h.db, b.caseId), kind).toBeNull();
        expect(await h.db.select().from(participants).where(eq(participants.caseId, b.caseId)), kind).toEqual([]);
        expect(await h.db.select().from(meetings).where(eq(meetings.id, b.meetingId)), kind).toEqual([]);
        expect(await h.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, b.agreementId)), kind).toEqual([]);
        // Its own are there.
        expect((await h.db.select().from(meetings).where(eq(meetings.id, a.meetingId))).length, kind).toBe(1);
        // Nor can it change another's, or file a case under another organisation.
        const changed = await h.db.update(cases).set({ employeeName: "changed" }).where(eq(cases.id, b.caseId)).returning();
        expect(changed, kind).toEqual([]);
        await expect(
          h.db.insert(cases).values({ organisationId: b.orgId, employeeName: "smuggled", track: "employed" }),
          kind,
        ).rejects.toThrow();
      });
      // In B's scope, B's case is unchanged and A's is gone from view.
      await withOrganisation(b.orgId, async () => {
        expect(await findCase(h.db, b.caseId), kind).toMatchObject({ employeeName: `B-${kind} person` });
        expect(await findCase(h.db, a.caseId), kind).toBeNull();
      });
    }
  });

  it("keeps each statement in its own scope when many run at once over the pool, a refused one among them", async () => {
    // Each statement's scope, the statement and its end travel together on one connection
    // (db/scoped-clients.ts): none may see another's scope, and a refused one leaves nothing open.
    for (const { kind, handle: h } of targets) {
      const a = await seed(h, `many-A-${kind}`);
      const b = await seed(h, `many-B-${kind}`);
      const seenBy = (org: string) => withOrganisation(org, async () => (await h.db.select({ id: cases.id }).from(cases)).map((r) => r.id));
      const refused = withOrganisation(a.orgId, () =>
        h.db.insert(cases).values({ organisationId: b.orgId, employeeName: "x", track: "employed" }),
      );
      const runs = await Promise.allSettled([refused, ...Array.from({ length: 24 }, (_, i) => seenBy(i % 2 ? a.orgId : b.orgId))]);
      expect(runs[0]!.status, kind).toBe("rejected");
      runs.slice(1).forEach((r, i) => expect(r, kind).toEqual({ status: "fulfilled", value: [i % 2 ? a.caseId : b.caseId] }));
      expect(await h.db.select({ id: cases.id }).from(cases), kind).toEqual([]);
    }
  });

  it("shows a statement outside every organisation's scope no case data at all (default deny), and lets it write none", async () => {
    for (const { kind, handle: h } of targets) {
      const a = await seed(h, `deny-${kind}`);
      expect(await h.db.select({ id: cases.id }).from(cases), kind).toEqual([]);
      expect(await findCase(h.db, a.caseId), kind).toBeNull();
      for (const table of [participants, meetings, agreements, joinLinks, participantSessions, collabDocuments]) {
        expect((await h.db.select().from(table)).length, kind).toBe(0);
      }
      await expect(
        h.db.insert(cases).values({ organisationId: a.orgId, employeeName: "unscoped", track: "employed" }),
        kind,
      ).rejects.toThrow();
      expect(await h.db.update(meetings).set({ title: "changed" }).where(eq(meetings.id, a.meetingId)).returning(), kind).toEqual([]);
    }
  });

  it("names a credential's or an id's organisation outside any scope, and nothing else (the SECURITY DEFINER look-ups)", async () => {
    for (const { kind, handle: h } of targets) {
      const a = await seed(h, `lookup-${kind}`);
      expect(await organisationOfParticipantSession(h.db, a.sessionHash), kind).toBe(a.orgId);
      expect(await organisationOfJoinLink(h.db, a.linkHash), kind).toBe(a.orgId);
      expect(await organisationOfMeetingId(h.db, a.meetingId), kind).toBe(a.orgId);
      expect(await organisationOfCaseId(h.db, a.caseId), kind).toBe(a.orgId);
      expect(await organisationOfJoinLink(h.db, Buffer.from("no such link".padEnd(32, "."))), kind).toBeNull();
      expect(await organisationOfCaseId(h.db, "00000000-0000-4000-8000-000000000000"), kind).toBeNull();
      // Asking told the organisation only: the rows are still out of sight until it is entered.
      expect(await h.db.select().from(participantSessions), kind).toEqual([]);
      await withOrganisation(a.orgId, async () => {
        expect((await h.db.select().from(participantSessions).where(eq(participantSessions.tokenHash, a.sessionHash))).length, kind).toBe(
          1,
        );
      });
    }
  });

  it("shows nothing to the application's role on a connection that names no organisation", async () => {
    const pg = targets.find((t) => t.rawAsApp);
    if (!pg) return; // PGlite has no second connection; its statements always go through the scope.
    expect(await pg.rawAsApp!()).toBe(0);
  });
});
