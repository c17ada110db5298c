import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxDir } from "../mail/deliver-mail";
import { resetEnvCache } from "../env";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { openCase } from "../cases/open-case";
import { scheduleCaseMeeting } from "../followup/schedule-case-meeting";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addDays, dateInZone } from "../time/zoned";
import { outboxFiles, useTempDataDir } from "../auth/testing";
import { runDueJobs } from "../system/work-jobs";
import { inviteParticipant } from "./invite-participant";
import { renderInvitationEmail } from "./invitation-email";
import { staffWho } from "../testing/actors";

/**
 * An invitation says "Meeting", the organisation, the time, the place or video link, the room's
 * address and the personal link — and nothing of the case: not the meeting's title (often "about
 * X's return after ..."), not the employee's name (in anyone else's invitation), not the employer.
 */
let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  process.env.ORGANISATION_NAME = "Jobcenter Testby";
  resetEnvCache();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  delete process.env.ORGANISATION_NAME;
  resetEnvCache();
  await tdb.drop();
});

const base = "http://localhost:3000";
const CASE = { employeeName: "Bodil Jensen", employer: "Kontorhuset ApS", title: "Opfølgning: Bodils depression og deltid" };

function newestMailTo(address: string): { subject: string; body: string } {
  const file = outboxFiles()
    .filter((f) => f.endsWith(`-${address}.eml`))
    .pop();
  if (!file) throw new Error(`no mail to ${address}`);
  const raw = readFileSync(path.join(outboxDir(), file), "utf8");
  const [head, ...rest] = raw.split("\r\n\r\n");
  const encoded = /^Subject: (.*)$/m.exec(head!)![1]!;
  const b64 = /^=\?UTF-8\?B\?(.*)\?=$/.exec(encoded);
  return { subject: b64 ? Buffer.from(b64[1]!, "base64").toString("utf8") : encoded, body: rest.join("\r\n\r\n") };
}

describe("the invitation e-mail", () => {
  it("carries no case content: the manager's names neither the employee, the employer nor the meeting's title", async () => {
    const staff = await provisionCaseworker({ email: "mail.cw@kommune.example" });
    const kase = await openCase({
      staffUserId: staff.id,
      raw: { employeeName: CASE.employeeName, track: "employed", employer: CASE.employer },
    });
    const meeting = await scheduleCaseMeeting({
      who: await staffWho(staff.id),
      caseId: kase.id,
      raw: {
        title: CASE.title,
        date: addDays(dateInZone(new Date()), 7),
        time: "10:00",
        durationMinutes: "90",
        location: "Jobcentret, lokale 4",
      },
    });
    const common = { who: await staffWho(staff.id), caseId: kase.id, baseUrl: base, locale: "da" as const };
    const manager = await inviteParticipant({
      ...common,
      raw: { role: "manager", displayName: "Lars Leder", email: "lars@kontorhuset.example" },
    });
    const employee = await inviteParticipant({
      ...common,
      raw: { role: "employee", displayName: CASE.employeeName, email: "bodil@mail.example" },
    });

    await runDueJobs();
    const toManager = newestMailTo("lars@kontorhuset.example");
    expect(toManager.subject).toBe("Møde – Jobcenter Testby");
    for (const caseText of [
      CASE.employeeName,
      "Bodil",
      CASE.employer,
      "Kontorhuset ApS",
      CASE.title,
      "depression",
      "Fællesmøde",
      "Mette",
    ]) {
      expect(toManager.subject, caseText).not.toContain(caseText);
      expect(toManager.body, caseText).not.toContain(caseText);
    }
    // What it does carry: the time, the place, the room's address, the personal link and its end.
    expect(toManager.body).toContain("Hej Lars Leder");
    expect(toManager.body).toContain("Jobcenter Testby");
    expect(toManager.body).toContain("kl. 10.00");
    expect(toManager.body).toContain("90 minutter");
    expect(toManager.body).toContain("Sted: Jobcentret, lokale 4");
    expect(toManager.body).toContain(`${base}/meetings/${meeting.id}`);
    expect(toManager.body.split(/\r?\n/).find((l) => l.startsWith("http"))).toBe(manager.url);

    // The employee's own invitation may greet her by name; still no title, no employer.
    const toEmployee = newestMailTo("bodil@mail.example");
    expect(toEmployee.subject).toBe("Møde – Jobcenter Testby");
    expect(toEmployee.body).toContain(`Hej ${CASE.employeeName}`);
    for (const caseText of [CASE.title, "depression", CASE.employer]) expect(toEmployee.body, caseText).not.toContain(caseText);
    expect(toEmployee.body).toContain(employee.url);
  });

  it("gives a video meeting's link, in each language, and the organisation it is given", () => {
    {
      const mail = renderInvitationEmail({
        organisation: "NAV Grünerløkka",
        to: "x@example.org",
        locale: "en",
        name: "Tina",
        startsAt: new Date("2026-03-02T09:00:00Z"),
        durationMinutes: 60,
        location: null,
        videoUrl: "https://video.example/room-7",
        roomUrl: `${base}/meetings/m1`,
        url: `${base}/join/abc`,
        expiresAt: new Date("2026-06-01T00:00:00Z"),
      });
      expect(mail.subject).toBe("Meeting – NAV Grünerløkka");
      expect(mail.text).toContain("Video link: https://video.example/room-7");
      expect(mail.text).not.toContain("Where:");
      expect(mail.text).toContain("When: Monday, March 2, 2026 at 10:00 AM (60 minutes)");
      const nb = renderInvitationEmail({
        ...{
          organisation: "NAV Grünerløkka",
          to: "x@example.org",
          name: "Tina",
          startsAt: new Date(),
          durationMinutes: 30,
          location: "Kontoret",
          videoUrl: null,
          roomUrl: "r",
          url: "u",
          expiresAt: new Date(),
        },
        locale: "nb",
      });
      expect(nb.subject).toBe("Møte – NAV Grünerløkka");
      expect(nb.text).toContain("Sted: Kontoret");
    }
  });
});

describe("the invitation's calendar file", () => {
  const meeting = {
    id: "5f0c6a2e-1c1d-4c1e-9a55-0c5d1f2e3a4b",
    startsAt: new Date("2026-03-02T09:00:00Z"),
    durationMinutes: 60,
    location: "Jobcentret, lokale 4",
    videoUrl: null,
    status: "planned",
    sequence: 0,
  };
  const input = {
    to: "lars@kontorhuset.example",
    locale: "da" as const,
    organisation: "Jobcenter Testby",
    name: "Lars Leder",
    startsAt: meeting.startsAt,
    durationMinutes: 60,
    location: meeting.location,
    videoUrl: null,
    roomUrl: `${base}/meetings/${meeting.id}`,
    url: `${base}/join/secret-token`,
    expiresAt: new Date("2026-06-01T00:00:00Z"),
  };
  const eventOf = (ics: string) => new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);

  it("is attached as invitation.ics: the meeting's event (the calendar feed's UID), with no join link and no case text", async () => {
    const mail = renderInvitationEmail({ ...input, calendar: meeting });
    const event = eventOf(mail.calendar!);
    expect(event.uid).toBe(`meeting-${meeting.id}@localhost:3000`);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-02T09:00:00.000Z");
    expect(event.location).toBe("Jobcentret, lokale 4");
    expect(event.sequence).toBe(0);
    expect(mail.calendar).not.toContain("secret-token");
    expect(mail.calendar).toContain(`${base}/meetings/${meeting.id}`);

    const { queueMail } = await import("../mail/queue-mail");
    await queueMail(mail);
    await runDueJobs();
    const file = outboxFiles()
      .filter((f) => f.endsWith("-lars@kontorhuset.example.eml"))
      .pop()!;
    const eml = readFileSync(path.join(outboxDir(), file), "utf8");
    expect(eml).toMatch(/^Content-Type: multipart\/mixed; boundary="stepwise-[0-9a-f]+"/m);
    expect(eml).toContain('Content-Disposition: attachment; filename="invitation.ics"');
    expect(eml).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/m);
    const ics = /(BEGIN:VCALENDAR[\s\S]*END:VCALENDAR)/.exec(eml)![1]!;
    expect(eventOf(ics).uid).toBe(event.uid);
    // The text part is unchanged: the personal link is still the first line that starts with http.
    expect(eml.split(/\r?\n/).find((l) => l.startsWith("http"))).toBe(input.url);
  });

  it("a move carries the same event with the higher sequence; a cancellation marks it cancelled", async () => {
    const { renderMeetingChangeEmail } = await import("../followup/meeting-change-email");
    const moved = renderMeetingChangeEmail({
      ...input,
      kind: "moved",
      calendar: { ...meeting, sequence: 1, startsAt: new Date("2026-03-03T09:00:00Z") },
    });
    const m = eventOf(moved.calendar!);
    expect(m.uid).toBe(`meeting-${meeting.id}@localhost:3000`);
    expect(m.sequence).toBe(1);
    expect(m.startDate.toJSDate().toISOString()).toBe("2026-03-03T09:00:00.000Z");
    const cancelled = renderMeetingChangeEmail({
      ...input,
      kind: "cancelled",
      message: null,
      calendar: { ...meeting, sequence: 2, status: "cancelled" },
    });
    const c = new ICAL.Component(ICAL.parse(cancelled.calendar!)).getFirstSubcomponent("vevent")!;
    expect(c.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(c.getFirstPropertyValue("sequence")).toBe(2);
  });
});
