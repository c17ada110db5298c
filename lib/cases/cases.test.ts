import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapOrganisation } from "../organisations/bootstrap-organisation";
import { upsertStaffUser } from "@/db/queries/users";
import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { getCaseOverview } from "./get-case-overview";
import { listMyCases } from "../case-list/list-my-cases";
import { openCase } from "./open-case";
import { requireCaseStaff } from "./require-case-staff";
import { staffCaseFixture } from "./testing";
import { scheduleCaseMeeting } from "../followup/schedule-case-meeting";
import { staffWho } from "../testing/actors";

/** A caseworker as the list sees them. */
const cw = (u: { id: string; organisationId: string | null }) => ({
  userId: u.id,
  organisationId: u.organisationId!,
  roles: ["caseworker"] as const,
});

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe("openCase", () => {
  it("answers 401 without a staff session", async () => {
    await expect(openCase({ staffUserId: null, raw: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("answers 403 to a signed-in account without a staff role", async () => {
    await expect(openCase({ staffUserId: "no-such-user", raw: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers 400 with every field's problem at once", async () => {
    const staff = await provisionCaseworker({ email: "validate@kommune.example" });
    await expect(openCase({ staffUserId: staff.id, raw: { employeeName: "   ", track: "retired", employer: "" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { employeeName: "required", track: "required" },
    });
    await expect(
      openCase({ staffUserId: staff.id, raw: { employeeName: "Kurt", track: "employed", employer: " " } }),
    ).rejects.toMatchObject({
      details: { employer: "requiredWhenEmployed" },
    });
    await expect(openCase({ staffUserId: staff.id, raw: { employeeName: "x".repeat(201), track: "unemployed" } })).rejects.toMatchObject({
      details: { employeeName: "tooLong" },
    });
    await expect(openCase({ staffUserId: staff.id, raw: null })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("opens a case with its caseworker as first participant, linked to the staff account", async () => {
    const staff = await provisionCaseworker({ email: "mette.test@kommune.example", name: "Mette Test" });
    const c = await openCase({ staffUserId: staff.id, raw: { employeeName: " Bodil Jensen ", track: "unemployed", employer: "" } });
    expect(c).toMatchObject({ employeeName: "Bodil Jensen", track: "unemployed", employer: null });
    const overview = await getCaseOverview({ who: await staffWho(staff.id), caseId: c.id });
    expect(overview.participants).toEqual([
      expect.objectContaining({ role: "caseworker", displayName: "Mette Test", isMe: true, hasStaffAccount: true, link: { kind: "none" } }),
    ]);
    expect(overview.may).toEqual({ manageInvitations: true, manageMeetings: true, manageCase: true, changeState: true });
    expect(overview.invitationMeeting).toBeNull();
  });
});

describe("openCase: reference and sick-leave start", () => {
  it("keeps the case reference and the first day of sick leave, and assigns the case to its creator", async () => {
    const staff = await provisionCaseworker({ email: "ref@kommune.example", name: "Ref Test" });
    const c = await openCase({
      staffUserId: staff.id,
      raw: {
        employeeName: "Ole",
        track: "employed",
        employer: "Lager A/S",
        reference: " 27.12.08-G01-9-26 ",
        sickLeaveStart: "2026-03-02",
      },
    });
    expect(c).toMatchObject({ reference: "27.12.08-G01-9-26", sickLeaveStart: "2026-03-02" });
    const row = await findCase(await getDb(), c.id);
    expect(row).toMatchObject({ assignedCaseworkerId: staff.id, state: "open", outcome: null, closedOn: null });
  });

  it("leaves both empty when the form leaves them empty, and refuses a date that does not exist", async () => {
    const staff = await provisionCaseworker({ email: "ref2@kommune.example", name: "Ref Two" });
    const c = await openCase({
      staffUserId: staff.id,
      raw: { employeeName: "Ida", track: "unemployed", reference: "", sickLeaveStart: "" },
    });
    expect(c).toMatchObject({ reference: null, sickLeaveStart: null });
    await expect(
      openCase({ staffUserId: staff.id, raw: { employeeName: "Ida", track: "unemployed", sickLeaveStart: "2026-02-31" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { sickLeaveStart: "invalidDate" } });
    await expect(
      openCase({ staffUserId: staff.id, raw: { employeeName: "Ida", track: "unemployed", reference: "x".repeat(101) } }),
    ).rejects.toMatchObject({ details: { reference: "tooLong" } });
  });
});

describe("listMyCases and requireCaseStaff", () => {
  it("show a caseworker only their own cases, and refuse another's case as forbidden", async () => {
    const a = await staffCaseFixture("a.case@kommune.example");
    const b = await staffCaseFixture("b.case@kommune.example");
    const mine = (await listMyCases({ actor: cw(a.staff) })).items;
    expect(mine.map((c) => c.id)).toEqual([a.caseId]);
    expect(mine[0]!.nextMeeting?.id).toBe(a.meetingId);
    await expect(requireCaseStaff({ who: await staffWho(a.staff.id), caseId: b.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCaseOverview({ who: await staffWho(a.staff.id), caseId: b.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireCaseStaff({ who: await staffWho(a.staff.id), caseId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      requireCaseStaff({ who: await staffWho(a.staff.id), caseId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(requireCaseStaff({ who: await staffWho(null), caseId: a.caseId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listMyCases({ actor: undefined })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("issue 13.2: a case whose only meeting is over says no meeting is to come, not the one that is over", async () => {
    const a = await staffCaseFixture("over.case@kommune.example");
    // The fixture's meeting is a week from now, 60 minutes long: ten days on, it is over.
    const later = new Date(Date.now() + 10 * 86_400_000);
    const [mine] = (await listMyCases({ actor: cw(a.staff), now: later })).items;
    expect(mine!.nextMeeting).toBeNull();
    const [before] = (await listMyCases({ actor: cw(a.staff) })).items;
    expect(before!.nextMeeting?.id).toBe(a.meetingId);
  });

  it("lists nothing for a staff member without cases", async () => {
    const lonely = await upsertStaffUser(tdb.handle.db, {
      email: "lonely@kommune.example",
      name: null,
      staffRole: "caseworker",
      organisationId: (await bootstrapOrganisation(tdb.handle.db)).id,
    });
    expect(await listMyCases({ actor: cw(lonely) })).toMatchObject({ items: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe("scheduleCaseMeeting", () => {
  it("answers 401, 403 and 400 before it schedules", async () => {
    const a = await staffCaseFixture("sched.a@kommune.example", { withMeeting: false });
    const b = await staffCaseFixture("sched.b@kommune.example", { withMeeting: false });
    const good = { title: "Opfølgning", date: "2031-03-04", time: "09:30", durationMinutes: "45", location: "Jobcentret" };
    await expect(scheduleCaseMeeting({ who: await staffWho(null), caseId: a.caseId, raw: good })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(scheduleCaseMeeting({ who: await staffWho(b.staff.id), caseId: a.caseId, raw: good })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      scheduleCaseMeeting({
        who: await staffWho(a.staff.id),
        caseId: a.caseId,
        raw: { title: "", date: "2031-02-30", time: "25:00", durationMinutes: "5", location: "", videoUrl: "javascript:alert(1)" },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { title: "required", date: "date", time: "time", durationMinutes: "duration", videoUrl: "url" },
    });
    await expect(
      scheduleCaseMeeting({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { ...good, location: "", videoUrl: "" } }),
    ).rejects.toMatchObject({ details: { location: "placeOrVideo" } });

    const m = await scheduleCaseMeeting({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: good });
    expect(m.startsAt.toISOString()).toBe("2031-03-04T08:30:00.000Z");
    const overview = await getCaseOverview({ who: await staffWho(a.staff.id), caseId: a.caseId });
    expect(overview.meetings).toEqual([
      expect.objectContaining({ id: m.id, title: "Opfølgning", durationMinutes: 45, location: "Jobcentret" }),
    ]);
    expect(overview.invitationMeeting?.id).toBe(m.id);
  });
});
