import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffCaseFixture } from "../cases/testing";
import { inviteParticipant } from "../invites/invite-participant";
import { revokeInvitation } from "../invites/revoke-invitation";
import { scheduleCaseMeeting } from "../followup/schedule-case-meeting";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addDays, dateInZone } from "../time/zoned";
import { useTempDataDir } from "../auth/testing";
import { joinLinkExpiry } from "./join-link-expiry";
import { openJoinLink } from "./open-join-link";
import { staffWho } from "../testing/actors";

const DAY = 86_400_000;

describe("joinLinkExpiry (the rule)", () => {
  const now = new Date("2026-03-01T08:00:00Z");
  const meeting = (iso: string, status = "scheduled") => ({ startsAt: new Date(iso), durationMinutes: 60, status });

  it("is the given days after the end of the case's latest meeting, and never less than that from now", () => {
    expect(joinLinkExpiry({ now, meetings: [], days: 30 })).toEqual(new Date(now.getTime() + 30 * DAY));
    expect(joinLinkExpiry({ now, meetings: [meeting("2026-03-05T09:00:00Z"), meeting("2026-05-20T09:00:00Z")], days: 30 })).toEqual(
      new Date(Date.parse("2026-05-20T10:00:00Z") + 30 * DAY),
    );
    // A meeting long past does not shorten it.
    expect(joinLinkExpiry({ now, meetings: [meeting("2025-01-05T09:00:00Z")], days: 30 })).toEqual(new Date(now.getTime() + 30 * DAY));
  });

  it("does not count a cancelled meeting", () => {
    expect(joinLinkExpiry({ now, meetings: [meeting("2026-09-01T09:00:00Z", "cancelled")], days: 10 })).toEqual(
      new Date(now.getTime() + 10 * DAY),
    );
  });
});

let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const base = "http://localhost:3000";
const tokenOf = (url: string) => url.split("/join/")[1]!;
const at = (days: number, time = "09:00") => new Date(`${addDays(dateInZone(new Date()), days)}T${time}:00+01:00`);

describe("personal links last as long as the case needs them", () => {
  it("a link given for the first meeting still opens the follow-up meeting two months later (no fixed 30 days)", async () => {
    const a = await staffCaseFixture("ttl.a@kommune.example"); // first meeting in 7 days
    const manager = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "manager", displayName: "Lars" },
      baseUrl: base,
      locale: "da",
    });
    // Valid until 30 days after the first meeting, already when issued.
    expect(manager.expiresAt.getTime()).toBeGreaterThan(at(7 + 29).getTime());

    const followUp = await scheduleCaseMeeting({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { title: "Opfølgning", date: addDays(dateInZone(new Date()), 60), time: "10:00", durationMinutes: "60", location: "Jobcentret" },
    });
    // On the morning of the follow-up meeting the same link opens it.
    const opened = await openJoinLink({ token: tokenOf(manager.url), ip: null, userAgent: null, now: at(60, "08:00") });
    expect(opened.meetingId).toBe(followUp.id);
    // And it still ends: 30 days after that meeting it is gone.
    await expect(openJoinLink({ token: tokenOf(manager.url), ip: null, userAgent: null, now: at(60 + 31) })).rejects.toMatchObject({
      code: "GONE",
    });
  });

  it("scheduling a meeting never revives a withdrawn link", async () => {
    const a = await staffCaseFixture("ttl.b@kommune.example");
    const rep = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "union_rep", displayName: "Tina" },
      baseUrl: base,
      locale: "da",
    });
    await revokeInvitation({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { participantId: rep.participantId } });
    await scheduleCaseMeeting({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { title: "Opfølgning", date: addDays(dateInZone(new Date()), 50), time: "10:00", durationMinutes: "60", location: "Jobcentret" },
    });
    await expect(openJoinLink({ token: tokenOf(rep.url), ip: null, userAgent: null })).rejects.toMatchObject({ code: "GONE" });
  });
});
