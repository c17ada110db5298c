import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertAccessLogRow } from "@/db/queries/access-log";
import { accessLog, accessLogRepeats, calendarSubscriptions, joinLinks, participantSessions, verificationTokens } from "@/db/schema";
import { resetEnvCache } from "../env";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { runHousekeeping } from "./run-housekeeping";

/**
 * Issue 16, housekeeping: keys that no longer open anything are removed after
 * EXPIRED_ACCESS_KEPT_DAYS (30), expired sign-in links at once, and access-log rows after
 * ACCESS_LOG_RETENTION_DAYS (730) — each counted, nothing live touched, and a second run finds
 * nothing more.
 */

const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let tdb: TestDatabase;
let fx: FixtureCase;
const ids: Record<string, string> = {};
const logIds: Record<string, number> = {};

beforeAll(async () => {
  tdb = await createTestDatabase();
  fx = await createFixtureCase();
  const db = await getDb();
  const employee = fx.participants.employee.id;
  const link = async (name: string, v: { expiresAt: Date; revokedAt?: Date }) => {
    const [row] = await db
      .insert(joinLinks)
      .values({ participantId: employee, meetingId: fx.meetingId, tokenHash: randomBytes(32), ...v })
      .returning({ id: joinLinks.id });
    ids[name] = row!.id;
  };
  await link("linkExpiredLongAgo", { expiresAt: ago(40) });
  await link("linkWithdrawnLongAgo", { expiresAt: ago(-10), revokedAt: ago(31) });
  await link("linkExpiredLately", { expiresAt: ago(5) });
  const session = async (name: string, v: { expiresAt: Date; revokedAt?: Date }) => {
    const [row] = await db
      .insert(participantSessions)
      .values({ participantId: employee, tokenHash: randomBytes(32), ...v })
      .returning({ id: participantSessions.id });
    ids[name] = row!.id;
  };
  await session("sessionExpiredLongAgo", { expiresAt: ago(35) });
  await session("sessionSignedOutLongAgo", { expiresAt: ago(-1), revokedAt: ago(45) });
  await session("sessionLive", { expiresAt: ago(-1) });
  const calendar = async (name: string, revokedAt: Date | null) => {
    const [row] = await db
      .insert(calendarSubscriptions)
      .values({ participantId: employee, tokenHash: randomBytes(32), revokedAt })
      .returning({ id: calendarSubscriptions.id });
    ids[name] = row!.id;
  };
  await calendar("calendarStoppedLongAgo", ago(60));
  await calendar("calendarLive", null);
  await db.insert(verificationTokens).values([
    { identifier: "old@kommune.example", token: "expired-token-hash", expires: ago(1 / 24) },
    { identifier: "new@kommune.example", token: "live-token-hash", expires: ago(-1 / 96) },
  ]);
  const row = async (name: string, at: Date) => {
    const r = await insertAccessLogRow(db, {
      caseId: fx.caseId,
      actorKind: "participant",
      actorId: employee,
      actorName: "Test employee",
      actorRole: "employee",
      what: "meeting_room",
      purpose: "meeting",
      at,
    });
    logIds[name] = r.id;
  };
  await row("threeYearsAgo", ago(3 * 365));
  await row("repeatedUntilLately", ago(3 * 365));
  await row("aYearAgo", ago(365));
  await db.insert(accessLogRepeats).values([
    { accessLogId: logIds.threeYearsAgo!, count: 3, lastAt: ago(3 * 365 - 1) },
    // First shown three years ago, but shown again last month: the row is as new as its last showing.
    { accessLogId: logIds.repeatedUntilLately!, count: 2, lastAt: ago(30) },
  ]);
});
afterAll(async () => {
  await tdb.drop();
});

describe("runHousekeeping", () => {
  it("removes what no longer opens anything and the access log past its retention, and keeps everything live", async () => {
    const done = await runHousekeeping(now);
    expect(done).toMatchObject({ joinLinks: 2, participantSessions: 2, calendarLinks: 1, signInLinks: 1, accessLogRows: 1 });

    const db = await getDb();
    const links = (await db.select({ id: joinLinks.id }).from(joinLinks)).map((r) => r.id);
    expect(links).not.toContain(ids.linkExpiredLongAgo);
    expect(links).not.toContain(ids.linkWithdrawnLongAgo);
    expect(links).toContain(ids.linkExpiredLately);
    // The fixture's own links (one per role), valid for a day, stay.
    expect(links).toHaveLength(1 + Object.keys(fx.participants).length);
    const sessions = (await db.select({ id: participantSessions.id }).from(participantSessions)).map((r) => r.id);
    expect(sessions).toContain(ids.sessionLive);
    expect(sessions).not.toContain(ids.sessionExpiredLongAgo);
    expect(sessions).not.toContain(ids.sessionSignedOutLongAgo);
    const calendars = (await db.select({ id: calendarSubscriptions.id }).from(calendarSubscriptions)).map((r) => r.id);
    expect(calendars).toEqual([ids.calendarLive]);
    expect((await db.select().from(verificationTokens)).map((t) => t.identifier)).toEqual(["new@kommune.example"]);

    const left = (await db.select({ id: accessLog.id }).from(accessLog).where(eq(accessLog.caseId, fx.caseId))).map((r) => r.id);
    expect(left).not.toContain(logIds.threeYearsAgo);
    expect(left).toContain(logIds.repeatedUntilLately);
    expect(left).toContain(logIds.aYearAgo);
    expect(
      await db
        .select()
        .from(accessLogRepeats)
        .where(inArray(accessLogRepeats.accessLogId, [logIds.threeYearsAgo!])),
    ).toEqual([]);
  });

  it("finds nothing more on a second run", async () => {
    expect(await runHousekeeping(now)).toEqual({
      joinLinks: 0,
      participantSessions: 0,
      calendarLinks: 0,
      signInLinks: 0,
      staffSessions: 0,
      accessLogRows: 0,
    });
  });

  it("refuses an access-log retention under 180 days in the configuration", async () => {
    process.env.ACCESS_LOG_RETENTION_DAYS = "30";
    resetEnvCache();
    try {
      await expect(runHousekeeping(now)).rejects.toThrow(/ACCESS_LOG_RETENTION_DAYS/);
    } finally {
      delete process.env.ACCESS_LOG_RETENTION_DAYS;
      resetEnvCache();
    }
  });
});
