import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { markMeetingCompleted } from "@/db/queries/meetings";
import { insertOrganisation } from "@/db/queries/organisations";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { useTempDataDir } from "../auth/testing";
import { createCase } from "../cases/create-case";
import { scheduleMeeting } from "../meetings/schedule-meeting";
import { accessLogOf } from "../testing/access";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addDays, dateInZone, zonedToInstant } from "../time/zoned";
import { getCaseDeadlines } from "./get-case-deadlines";
import { endOfWeek } from "./law-deadlines";
import { listDeadlineWorkList } from "./list-deadline-work-list";
import { staffWho } from "../testing/actors";

let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const now = new Date();
const today = dateInZone(now);

/** A caseworker of a DK job centre or a NO NAV office, and a case of theirs whose sick leave began `daysAgo` days ago. */
async function caseIn(country: "DK" | "NO", email: string, daysAgo: number | null, employeeName = "Bodil Jensen") {
  const org = await insertOrganisation(await getDb(), { name: country === "DK" ? "Jobcenter Testby" : "NAV Testby", country });
  const staff = await provisionCaseworker({ email, organisationId: org.id });
  const c = await createCase({
    organisationId: org.id,
    employeeName,
    track: "employed",
    sickLeaveStart: daysAgo === null ? null : addDays(today, -daysAgo),
    caseworker: { userId: staff.id, displayName: "Mette", email },
  });
  return { staff, caseId: c.id, start: daysAgo === null ? null : addDays(today, -daysAgo) };
}

async function heldMeeting(caseId: string, daysAgo: number) {
  const m = await scheduleMeeting({
    caseId,
    track: "employed",
    title: "Opfølgning",
    startsAt: zonedToInstant(addDays(today, -daysAgo), "10:00"),
  });
  await markMeetingCompleted(await getDb(), m.id);
}

describe("a case's law deadlines", () => {
  it("a Danish case: the sygedagpengeloven deadlines from its sick-leave start; a held meeting meets the first follow-up", async () => {
    const dk = await caseIn("DK", "dk.deadlines@kommune.example", 50);
    const before = await getCaseDeadlines({ who: await staffWho(dk.staff.id), caseId: dk.caseId, now });
    expect(before).toMatchObject({ country: "DK", sickLeaveStart: dk.start });
    expect(before.deadlines.map((d) => d.rule)).toEqual(["dk.fastTrack", "dk.retentionPlan", "dk.firstFollowUp", "dk.reassessment"]);
    expect(before.deadlines.find((d) => d.rule === "dk.firstFollowUp")).toMatchObject({ due: endOfWeek(dk.start!, 8), status: "upcoming" });

    await heldMeeting(dk.caseId, 10);
    const after = await getCaseDeadlines({ who: await staffWho(dk.staff.id), caseId: dk.caseId, now });
    expect(after.deadlines.find((d) => d.rule === "dk.firstFollowUp")).toMatchObject({ status: "met", doneOn: addDays(today, -10) });
    expect(after.deadlines.find((d) => d.rule === "dk.followUp")).toMatchObject({ due: addDays(today, 18), status: "upcoming" });
  });

  it("a Norwegian case: arbeidsmiljøloven's and folketrygdloven's deadlines", async () => {
    const no = await caseIn("NO", "no.deadlines@nav.example", 30);
    const { country, deadlines } = await getCaseDeadlines({ who: await staffWho(no.staff.id), caseId: no.caseId, now });
    expect(country).toBe("NO");
    expect(deadlines.map((d) => [d.rule, d.status])).toEqual([
      ["no.followUpPlan", "missed"],
      ["no.dialogueMeeting1", "upcoming"],
      ["no.dialogueMeeting2", "upcoming"],
      ["no.activityRequirement", "upcoming"],
    ]);
  });

  it("no sick-leave start: no deadlines; a staff member not on the case is refused", async () => {
    const none = await caseIn("DK", "none.deadlines@kommune.example", null);
    expect(await getCaseDeadlines({ who: await staffWho(none.staff.id), caseId: none.caseId, now })).toMatchObject({
      sickLeaveStart: null,
      deadlines: [],
    });
    // Of another organisation (caseIn opens one each): their case does not exist for them, as under row-level security.
    const other = await caseIn("DK", "other.deadlines@kommune.example", 10);
    await expect(getCaseDeadlines({ who: await staffWho(other.staff.id), caseId: none.caseId, now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getCaseDeadlines({ who: await staffWho(null), caseId: none.caseId, now })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});

describe("the caseworker's work list", () => {
  it("across their cases: due this week and missed, each case's name shown logged; nobody else's cases", async () => {
    const email = "worklist@kommune.example";
    // Due this week: the first follow-up (end of week 8) in 3 days.
    const soon = await caseIn("DK", email, 7 * 8 - 1 - 3, "Anna Due");
    const staff = soon.staff;
    // Missed: a Norwegian case 40 days in with nothing done (the follow-up plan was due by day 28).
    const orgNo = await insertOrganisation(await getDb(), { name: "NAV Øst", country: "NO" });
    const missed = await createCase({
      organisationId: orgNo.id,
      employeeName: "Ola Missed",
      track: "employed",
      sickLeaveStart: addDays(today, -40),
      caseworker: { userId: staff.id, displayName: "Mette", email },
    });
    const elsewhere = await caseIn("DK", "someone.else@kommune.example", 52, "Not Mine");

    const list = await listDeadlineWorkList({ staffUserId: staff.id, viewerName: "Mette", now });
    expect(list.dueThisWeek.map((i) => [i.employeeName, i.deadline.rule])).toEqual([["Anna Due", "dk.firstFollowUp"]]);
    expect(list.missed.map((i) => [i.employeeName, i.deadline.rule])).toEqual([["Ola Missed", "no.followUpPlan"]]);
    expect([...list.dueThisWeek, ...list.missed].some((i) => i.caseId === elsewhere.caseId)).toBe(false);
    expect((await accessLogOf(soon.caseId)).map((r) => r.what)).toContain("case_list");
    expect((await accessLogOf(missed.id)).map((r) => r.what)).toContain("case_list");
    await expect(listDeadlineWorkList({ staffUserId: null, viewerName: "", now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
