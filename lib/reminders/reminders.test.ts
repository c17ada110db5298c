import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listActiveParticipants } from "@/db/queries/participants";
import { findParticipantLanguage } from "@/db/queries/reminders";
import { outboxFiles, useTempDataDir } from "../auth/testing";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { staffCaseFixture } from "../cases/testing";
import { readPrepDoc } from "../collab/prep-read";
import { ensureDemo } from "../demo/seed-demo";
import { KURT } from "../demo/kurt-case";
import { LOCALES } from "../i18n/locales";
import { outboxDir } from "../mail/deliver-mail";
import { queueReminderScan, runDueJobs } from "../system/work-jobs";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { buildFullPrepDoc } from "../testing/full-docs";
import { addDays, dateInZone, zonedToInstant } from "../time/zoned";
import { REMINDER_KINDS } from "./reminder-kinds";
import { renderReminderEmail } from "./render-reminder-email";
import { rememberFirstLanguage } from "./remember-language";
import { scanReminders } from "./scan-reminders";
import { unsubscribeToken } from "./unsubscribe-token";
import { readUnsubscribeLink, unsubscribeReminders } from "./unsubscribe-reminders";

let tdb: TestDatabase;
let caseId: string;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), "stepwise-reminders-demo-"));
  const { links } = await ensureDemo({ dataDir: dir, baseUrl: "http://localhost:3999" });
  caseId = links.caseUrl!.split("/").pop()!;
});
afterAll(async () => {
  await tdb.drop();
});

const mailText = (file: string) => readFileSync(path.join(outboxDir(), file), "utf8");
const newFiles = (before: string[]) => outboxFiles().filter((f) => !before.includes(f));

/** Every text of the demo case: the case, its people and meetings, the binding plan, and a preparation. */
async function caseStrings(): Promise<string[]> {
  const binding = bindingOf(await loadCaseAgreements(caseId))!;
  const c = binding.content;
  const prep = readPrepDoc(buildFullPrepDoc());
  const strings = [
    KURT.employeeName,
    KURT.employer,
    KURT.meetingTitle,
    KURT.location,
    ...Object.values(KURT.people),
    c.plan.goal,
    ...c.plan.subGoals.flatMap((g) => [g.text, g.measure.label, ...g.activities.flatMap((a) => [a.text, a.who, a.schedule])]),
    ...c.actions.map((a) => a.text),
    c.followUp.howOften,
    c.followUp.jobCentre,
    ...Object.values(prep.notes),
    ...prep.sharing.map((s) => s.text),
    // A diagnosis, as someone might have typed it.
    "diskusprolaps",
  ];
  // Words of a few letters ("point") could be any mail's; the check is for the case's sentences and names.
  return strings.map((s) => s.trim()).filter((s) => s.length >= 6);
}

function expectNoCaseContent(text: string, strings: string[]) {
  for (const s of strings) expect(text.toLowerCase(), `the mail holds "${s}"`).not.toContain(s.toLowerCase());
}

describe("reminder e-mails", () => {
  it("every template, in every language, says only that there is something to do — no string of the plan, the preparation or the case", async () => {
    const strings = await caseStrings();
    expect(strings.length).toBeGreaterThan(15);
    const [someone] = await listActiveParticipants(await getDb(), caseId);
    for (const locale of LOCALES) {
      for (const kind of REMINDER_KINDS) {
        const mail = renderReminderEmail({
          to: "kurt.hansen@demo.example",
          locale,
          organisation: "Jobcenter Vejle",
          link: "http://localhost:3999/me",
          kinds: [{ kind, unsubscribeUrl: `http://localhost:3999/reminders/unsubscribe?t=${unsubscribeToken(someone!.id, kind)}` }],
        });
        expectNoCaseContent(`${mail.subject}\n${mail.text}`, strings);
        expect(mail.text).toContain("http://localhost:3999/me");
      }
    }
    const en = renderReminderEmail({ to: "x@y", locale: "en", organisation: "NAV Grünerløkka", link: "L", kinds: [] });
    expect(en.subject).toBe("You have something to do in Stepwise");
  });

  it("with no SMTP, the demo's scan puts reminders in the outbox — none with case content — and a second scan sends none again", async () => {
    const strings = await caseStrings();
    const before = outboxFiles();
    const sent = await scanReminders();
    // Lars and Mette have overdue actions in the demo's binding agreement.
    expect(sent).toBeGreaterThanOrEqual(2);
    await runDueJobs();
    const files = newFiles(before);
    expect(files.length).toBe(sent);
    expect(files.some((f) => f.endsWith(`-${KURT.caseworkerEmail}.eml`))).toBe(true);
    expect(files.some((f) => f.endsWith("-lars.nielsen@nordlager.example.eml"))).toBe(true);
    // Mette, the caseworker, is reminded of the law's deadlines of Kurt's case (sick for 9 weeks), in Danish.
    const mette = mailText(files.find((f) => f.endsWith(`-${KURT.caseworkerEmail}.eml`))!);
    expect(mette).toContain("Stop påmindelser om lovens frister");
    expect(mette).toMatch(/^https?:\/\/\S+\/me\r?$/m);
    for (const f of files) {
      const text = mailText(f);
      expectNoCaseContent(text, strings);
      expect(text).toMatch(/\/reminders\/unsubscribe\?t=/);
    }

    expect(await scanReminders()).toBe(0);
    // Two scans at once (two instances, or a restart mid-scan) still send each reminder once.
    const later = zonedToInstant(addDays(dateInZone(new Date()), 3), "12:00");
    const [a, b] = await Promise.all([scanReminders({ now: later }), scanReminders({ now: later })]);
    const once = a + b;
    expect(await scanReminders({ now: later })).toBe(0);
    // Kurt's weekly pain measure is due for its next entry by then: he is reminded, once.
    expect(once).toBeGreaterThanOrEqual(1);
  });

  it("reminds every participant the day before a meeting, in the language they use", async () => {
    const f = await staffCaseFixture("reminder-meeting@kommune.example");
    await rememberFirstLanguage(f.caseworkerParticipantId, "nb");
    // Opening a link later in another browser language does not change a language already known.
    await rememberFirstLanguage(f.caseworkerParticipantId, "en");
    expect(await findParticipantLanguage(await getDb(), f.caseworkerParticipantId)).toBe("nb");
    const before = outboxFiles();
    const dayBefore = zonedToInstant(addDays(dateInZone(new Date()), 6), "08:00");
    expect(await scanReminders({ now: dayBefore })).toBeGreaterThanOrEqual(1);
    await runDueJobs();
    const mine = newFiles(before).filter((x) => x.endsWith("-reminder-meeting@kommune.example.eml"));
    expect(mine).toHaveLength(1);
    const text = mailText(mine[0]!);
    expect(text).toContain("Du har noe å gjøre i Stepwise");
    expect(text).not.toContain("Fællesmøde");
    // Two days before: nothing.
    expect(await scanReminders({ now: zonedToInstant(addDays(dateInZone(new Date()), 5), "08:00") })).toBe(0);
  });

  it("unsubscribes one kind by its signed link, after asking; other kinds still come; a forged link does nothing", async () => {
    const f = await staffCaseFixture("reminder-unsub@kommune.example");
    const token = unsubscribeToken(f.caseworkerParticipantId, "meeting");
    // Reading the link (the page that asks) changes nothing.
    expect(await readUnsubscribeLink(token)).toEqual({ participantId: f.caseworkerParticipantId, kind: "meeting" });
    const forged = token.replace(/\.[^.]+$/, ".AAAA");
    await expect(unsubscribeReminders(forged)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      unsubscribeReminders(unsubscribeToken(f.caseworkerParticipantId, "meeting").replace("meeting", "action")),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await unsubscribeReminders(token)).toEqual({ kind: "meeting" });
    expect(await unsubscribeReminders(token)).toEqual({ kind: "meeting" });

    const before = outboxFiles();
    await scanReminders({ now: zonedToInstant(addDays(dateInZone(new Date()), 6), "08:00") });
    await runDueJobs();
    expect(newFiles(before).filter((x) => x.endsWith("-reminder-unsub@kommune.example.eml"))).toHaveLength(0);
  });

  it("the scan runs as a job: one per hour however often it is queued", async () => {
    const at = new Date("2030-01-01T10:15:00Z");
    expect(await queueReminderScan(at)).toBe(true);
    expect(await queueReminderScan(new Date("2030-01-01T10:45:00Z"))).toBe(false);
    expect(await queueReminderScan(new Date("2030-01-01T11:05:00Z"))).toBe(true);
    expect(await runDueJobs()).toBeGreaterThanOrEqual(2);
  });
});
