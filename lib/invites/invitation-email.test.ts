import { readFileSync } from "node:fs";
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
      staffUserId: staff.id,
      caseId: kase.id,
      raw: {
        title: CASE.title,
        date: addDays(dateInZone(new Date()), 7),
        time: "10:00",
        durationMinutes: "90",
        location: "Jobcentret, lokale 4",
      },
    });
    const common = { staffUserId: staff.id, caseId: kase.id, baseUrl: base, locale: "da" as const };
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
