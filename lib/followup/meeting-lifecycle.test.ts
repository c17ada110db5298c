import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { staffCaseFixture } from "../cases/testing";
import { addParticipant } from "../cases/add-participant";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { outboxDir } from "../mail/deliver-mail";
import { runDueJobs } from "../system/work-jobs";
import { meetingCalendarFile } from "../calendar/meeting-calendar-file";
import { completeMeeting } from "../meetings/complete-meeting";
import { openStaffSession } from "../auth/testing";
import { actorsOf, staffWho } from "../testing/actors";
import { rescheduleMeeting } from "./reschedule-meeting";
import { cancelMeeting } from "./cancel-meeting";
import { renderMeetingChangeEmail } from "./meeting-change-email";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const BASE = "https://stepwise.example";
const move = {
  date: "2030-05-06",
  time: "13:30",
  durationMinutes: "45",
  location: "Jobcentret, lokale 4",
  videoUrl: "https://video.example/m",
};

/** A case with a meeting, a manager with an e-mail address and an employee without one. */
async function setup(tag: string) {
  const f = await staffCaseFixture(`${tag}@kommune.example`);
  const managerEmail = `${tag}.manager@firma.example`;
  await addParticipant({ caseId: f.caseId, role: "manager", displayName: "Lars Nielsen", email: managerEmail });
  await addParticipant({ caseId: f.caseId, role: "employee", displayName: "Bodil Jensen" });
  // The outbox outlives a run: only mails written after this point count.
  return { ...f, meetingId: f.meetingId!, managerEmail, mailsBefore: mailsTo(managerEmail).length };
}

function mailsTo(address: string): string[] {
  // Mail is delivered by the job runner now: before the first delivery there is no folder yet.
  if (!existsSync(outboxDir())) return [];
  return readdirSync(outboxDir())
    .filter((f) => f.endsWith(`-${address}.eml`))
    .sort()
    .map((f) => readFileSync(path.join(outboxDir(), f), "utf8"));
}

async function calendarEvent(caseId: string, meetingId: string) {
  const file = await meetingCalendarFile({ me: { caseId, role: "caseworker" }, meetingId, baseUrl: BASE, locale: "en" });
  const comp = new ICAL.Component(ICAL.parse(file.body));
  return new ICAL.Event(comp.getFirstSubcomponent("vevent")!);
}

describe("rescheduleMeeting", () => {
  it("answers 401 without a session, 404 for an unknown meeting, 403 to a caseworker not on the case, 400 with field errors", async () => {
    const s = await setup("move.refuse");
    const stranger = await provisionCaseworker({ email: "move.stranger@kommune.example" });
    const go = async (staffUserId: string | null, meetingId: string, raw: unknown) =>
      rescheduleMeeting({ who: await staffWho(staffUserId), meetingId, raw, baseUrl: BASE, locale: "da" });
    await expect(go(null, s.meetingId, move)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(go(s.staff.id, "0b9e3c52-6f55-4a8e-9d71-2c4f7e0a1b3d", move)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(go(s.staff.id, "not-a-uuid", move)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(go(stranger.id, s.meetingId, move)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(go(s.staff.id, s.meetingId, { ...move, date: "2030-02-30", location: "", videoUrl: "http://x" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { date: "date", videoUrl: "url" },
    });
    await expect(go(s.staff.id, s.meetingId, { ...move, location: "", videoUrl: "" })).rejects.toMatchObject({
      details: { location: "placeOrVideo" },
    });
  });

  it("moves the meeting, keeps the calendar UID with a higher SEQUENCE, and mails the invitees without case content", async () => {
    const s = await setup("move.ok");
    const before = await calendarEvent(s.caseId, s.meetingId);
    expect(before.component.getFirstPropertyValue("sequence")).toBe(0);
    const r = await rescheduleMeeting({ who: await staffWho(s.staff.id), meetingId: s.meetingId, raw: move, baseUrl: BASE, locale: "da" });
    // The manager has an address; the employee has none; the caseworker made the change.
    expect(r).toEqual({ meetingId: s.meetingId, sequence: 1, told: 1 });
    const after = await calendarEvent(s.caseId, s.meetingId);
    expect(after.uid).toBe(before.uid);
    expect(after.component.getFirstPropertyValue("sequence")).toBe(1);
    expect(after.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(after.startDate.toJSDate().toISOString()).toBe("2030-05-06T11:30:00.000Z");
    expect(after.location).toBe(move.location);
    await runDueJobs();
    const [mail] = mailsTo(s.managerEmail).slice(s.mailsBefore);
    expect(mail).toContain("er flyttet.");
    expect(mail).toContain("Nyt tidspunkt: ");
    expect(mail).toContain("Hej Lars Nielsen");
    expect(mail).toContain(move.location);
    expect(mail).toContain(`${BASE}/meetings/${s.meetingId}`);
    for (const caseWord of ["Bodil", "Kontorhuset", "Fællesmøde", "/join/"]) expect(mail).not.toContain(caseWord);
    // Moved twice: the sequence keeps counting.
    expect(
      (
        await rescheduleMeeting({
          who: await staffWho(s.staff.id),
          meetingId: s.meetingId,
          raw: { ...move, time: "14:00" },
          baseUrl: BASE,
          locale: "da",
        })
      ).sequence,
    ).toBe(2);
  });

  it("refuses to move a completed meeting (409)", async () => {
    const s = await setup("move.done");
    await completeMeeting({ who: await actorsOf({ staffSessionToken: await openStaffSession(s.staff.id) }), meetingId: s.meetingId });
    await expect(
      rescheduleMeeting({ who: await staffWho(s.staff.id), meetingId: s.meetingId, raw: move, baseUrl: BASE, locale: "da" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("cancelMeeting", () => {
  it("answers 401, 403 and 400 (a message naming a diagnosis is not mailed)", async () => {
    const s = await setup("cancel.refuse");
    const stranger = await provisionCaseworker({ email: "cancel.stranger@kommune.example" });
    const go = async (staffUserId: string | null, raw: unknown) =>
      cancelMeeting({ who: await staffWho(staffUserId), meetingId: s.meetingId, raw, baseUrl: BASE, locale: "da" });
    await expect(go(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(go(stranger.id, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(go(s.staff.id, { message: "Bodil har fået en depression" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { message: "healthInMail" },
    });
    await expect(go(s.staff.id, { message: "x".repeat(1001) })).rejects.toMatchObject({ details: { message: "tooLong" } });
    await runDueJobs();
    expect(mailsTo(s.managerEmail).slice(s.mailsBefore)).toHaveLength(0);
  });

  it("cancels: STATUS:CANCELLED with the same UID and a higher SEQUENCE, the invitees mailed with the message; twice is 409", async () => {
    const s = await setup("cancel.ok");
    const before = await calendarEvent(s.caseId, s.meetingId);
    const r = await cancelMeeting({
      who: await staffWho(s.staff.id),
      meetingId: s.meetingId,
      raw: { message: "Vi finder et nyt tidspunkt." },
      baseUrl: BASE,
      locale: "en",
    });
    expect(r).toEqual({ meetingId: s.meetingId, sequence: 1, told: 1 });
    const after = await calendarEvent(s.caseId, s.meetingId);
    expect(after.uid).toBe(before.uid);
    expect(after.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(after.component.getFirstPropertyValue("sequence")).toBe(1);
    await runDueJobs();
    const [mail] = mailsTo(s.managerEmail).slice(s.mailsBefore);
    expect(mail).toMatch(/Your meeting with .* is cancelled\./);
    expect(mail).toContain("Message: Vi finder et nyt tidspunkt.");
    expect(mail).not.toContain("Bodil");
    await expect(
      cancelMeeting({ who: await staffWho(s.staff.id), meetingId: s.meetingId, raw: {}, baseUrl: BASE, locale: "en" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      rescheduleMeeting({ who: await staffWho(s.staff.id), meetingId: s.meetingId, raw: move, baseUrl: BASE, locale: "en" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      completeMeeting({ who: await actorsOf({ staffSessionToken: await openStaffSession(s.staff.id) }), meetingId: s.meetingId }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("renderMeetingChangeEmail", () => {
  it("has no field for case content, and leaves the message out when there is none", () => {
    const mail = renderMeetingChangeEmail({
      kind: "cancelled",
      message: null,
      organisation: "NAV Grünerløkka",
      to: "a@b.example",
      locale: "nb",
      name: "Kari",
      startsAt: new Date("2030-01-01T09:00:00Z"),
      durationMinutes: 60,
      location: null,
      videoUrl: null,
      roomUrl: `${BASE}/meetings/x`,
    });
    expect(mail.subject).toMatch(/^Møtet er avlyst – /);
    expect(mail.text).not.toContain("Beskjed:");
  });
});
