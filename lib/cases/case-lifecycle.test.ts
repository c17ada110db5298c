import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { listCaseEvents } from "@/db/queries/case-events";
import { findCase } from "@/db/queries/cases";
import { insertParticipant } from "@/db/queries/participants";
import { insertOrganisation } from "@/db/queries/organisations";
import { outboxMail } from "@/db/schema";
import type { StaffActor, StaffRole } from "../access/actor";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { inviteParticipant } from "../invites/invite-participant";
import { scheduleCaseMeeting } from "../followup/schedule-case-meeting";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addDays, dateInZone } from "../time/zoned";
import { addParticipant } from "./add-participant";
import { closeCase } from "./close-case";
import { createBoundCase } from "../followup/testing";
import { caseworkerStaffOf } from "../testing/fixtures";
import { actorsOf, staffWho } from "../testing/actors";
import { recordProgress } from "../progress/record-progress";
import { answerInvitation } from "../followup/answer-invitation";
import { confirmAgreementRead } from "../followup/confirm-agreement-read";
import { prepareAgreement } from "../agreements/prepare-agreement";
import { CLIENT } from "../agreements/test-fixtures";
import { completeMeeting } from "../meetings/complete-meeting";
import { getCaseFollowUp } from "../followup/get-case-follow-up";
import { getCaseOverview } from "./get-case-overview";
import { handOverCase } from "./hand-over-case";
import { reopenCase } from "./reopen-case";
import { requireCaseStaff } from "./require-case-staff";
import { staffCaseFixture } from "./testing";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const today = () => dateInZone(new Date());
const schedule = async (staffUserId: string, caseId: string) =>
  scheduleCaseMeeting({
    who: await staffWho(staffUserId),
    caseId,
    raw: { title: "Opfølgning", date: addDays(today(), 14), time: "09:00", durationMinutes: "60", location: "Jobcentret" },
  });

/** A staff member as an edge would resolve them, with the given organisation roles. */
function staffActor(user: { id: string; email: string; name: string | null; organisationId: string }, roles: StaffRole[]): StaffActor {
  return {
    kind: "staff",
    userId: user.id,
    email: user.email,
    name: user.name,
    organisationId: user.organisationId,
    roles,
    authMethod: "email-link",
    authenticatedAt: new Date(),
  };
}

describe("closeCase", () => {
  it("closes with outcome and date, keeps it in the history, and then refuses every change with 409", async () => {
    const f = await staffCaseFixture("close.ok@kommune.example");
    const r = await closeCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: { outcome: "partial_return", date: today() } });
    expect(r).toEqual({ caseId: f.caseId, outcome: "partial_return", closedOn: today() });
    expect(await findCase(await getDb(), f.caseId)).toMatchObject({ state: "closed", outcome: "partial_return", closedOn: today() });
    expect(await listCaseEvents(await getDb(), f.caseId)).toEqual([
      expect.objectContaining({ kind: "closed", outcome: "partial_return", closedOn: today(), byUserId: f.staff.id }),
    ]);
    // Read-only: the case page's actions answer a typed conflict …
    await expect(schedule(f.staff.id, f.caseId)).rejects.toMatchObject({ code: "CONFLICT", details: { case: "closed" } });
    await expect(
      inviteParticipant({
        who: await staffWho(f.staff.id),
        caseId: f.caseId,
        raw: { role: "manager", displayName: "Lars" },
        baseUrl: "https://x.example",
        locale: "da",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { case: "closed" } });
    // … while looking at it still works, and the page offers only reopening.
    await expect(requireCaseStaff({ who: await staffWho(f.staff.id), caseId: f.caseId })).resolves.toMatchObject({
      case: { state: "closed" },
    });
    const overview = await getCaseOverview({ who: await staffWho(f.staff.id), caseId: f.caseId });
    expect(overview.may).toEqual({ manageInvitations: false, manageMeetings: false, manageCase: false, changeState: true });
    expect(overview.history).toEqual([expect.objectContaining({ kind: "closed", outcome: "partial_return", by: expect.any(String) })]);
  });

  it("answers 409 to closing a closed case, and leaves the first close as it was", async () => {
    const f = await staffCaseFixture("close.twice@kommune.example", { withMeeting: false });
    await closeCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: { outcome: "other_job", date: today() } });
    await expect(
      closeCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: { outcome: "education", date: today() } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { case: "closed" },
    });
    expect(await findCase(await getDb(), f.caseId)).toMatchObject({ outcome: "other_job" });
    expect(await listCaseEvents(await getDb(), f.caseId)).toHaveLength(1);
  });

  it("answers field errors for an unknown outcome, a date that does not exist, and a day still to come", async () => {
    const f = await staffCaseFixture("close.invalid@kommune.example", { withMeeting: false });
    const close = async (raw: unknown) => closeCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw });
    await expect(close({ outcome: "retired", date: "2026-02-31" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { outcome: "required", date: "invalidDate" },
    });
    await expect(close({ outcome: "other", date: addDays(today(), 2) })).rejects.toMatchObject({ details: { date: "dateInFuture" } });
    expect(await findCase(await getDb(), f.caseId)).toMatchObject({ state: "open" });
  });

  it("is the case's caseworker's to close: 401 without a session, 403 for another caseworker, 403 for an observer", async () => {
    const f = await staffCaseFixture("close.who@kommune.example", { withMeeting: false });
    const other = await provisionCaseworker({ email: "close.other@kommune.example" });
    const raw = { outcome: "other", date: today() };
    await expect(closeCase({ who: await staffWho(null), caseId: f.caseId, raw })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(closeCase({ who: await staffWho(other.id), caseId: f.caseId, raw })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await insertParticipant(await getDb(), { caseId: f.caseId, role: "observer", displayName: "Praktikant", userId: other.id });
    await expect(closeCase({ who: await staffWho(other.id), caseId: f.caseId, raw })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(closeCase({ who: await staffWho(f.staff.id), caseId: "not-a-uuid", raw })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a closed case refuses its participants' changes too", () => {
  it("answers 409 to progress, an invitation answer, a read receipt, a new agreement version and completing the meeting", async () => {
    const bound = await createBoundCase();
    const staffUserId = await caseworkerStaffOf(bound);
    await closeCase({ who: await staffWho(staffUserId), caseId: bound.caseId, raw: { outcome: "full_return", date: today() } });
    const closed = { code: "CONFLICT", details: { case: "closed" } };
    const { employee, caseworker } = bound.actors;
    // Their page offers none of it …
    const page = await getCaseFollowUp({ me: employee, compare: null });
    expect(page.case.state).toBe("closed");
    expect(page.may).toMatchObject({ recordProgress: false, confirmRead: false });
    expect(page.measures.every((m) => !m.access.mayRecord && m.access.choose === null)).toBe(true);
    // … and the use-cases refuse it.
    await expect(recordProgress({ me: employee, raw: { subGoalId: "x", date: today(), value: 3 } })).rejects.toMatchObject(closed);
    await expect(answerInvitation({ me: employee, meetingId: bound.meetingId, raw: { answer: "coming" } })).rejects.toMatchObject(closed);
    await expect(
      confirmAgreementRead({ me: employee, raw: { agreementId: bound.agreementId, fingerprint: bound.fingerprint } }),
    ).rejects.toMatchObject(closed);
    await expect(
      prepareAgreement({ me: caseworker, meetingId: bound.meetingId, unionRepSigns: false, client: CLIENT }),
    ).rejects.toMatchObject(closed);
    await expect(
      completeMeeting({ who: await actorsOf({ participantSessionToken: bound.sessions.caseworker }), meetingId: bound.meetingId }),
    ).rejects.toMatchObject(closed);
  });
});

describe("reopenCase", () => {
  it("answers a field error without a reason, and 409 for a case that is open", async () => {
    const f = await staffCaseFixture("reopen.invalid@kommune.example", { withMeeting: false });
    await expect(reopenCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: { reason: "x" } })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { case: "open" },
    });
    await closeCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: { outcome: "full_return", date: today() } });
    await expect(reopenCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: { reason: "   " } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { reason: "required" },
    });
    await expect(reopenCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: {} })).rejects.toMatchObject({
      details: { reason: "required" },
    });
    expect(await findCase(await getDb(), f.caseId)).toMatchObject({ state: "closed" });
  });

  it("reopens with a reason: the case takes changes again, and the history keeps close and reopen with who and why", async () => {
    const f = await staffCaseFixture("reopen.ok@kommune.example", { withMeeting: false });
    await closeCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: { outcome: "full_return", date: today() } });
    await reopenCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: { reason: " Sygemeldt igen " } });
    expect(await findCase(await getDb(), f.caseId)).toMatchObject({ state: "open", outcome: null, closedOn: null });
    await expect(schedule(f.staff.id, f.caseId)).resolves.toMatchObject({ id: expect.any(String) });
    expect((await listCaseEvents(await getDb(), f.caseId)).map((e) => [e.kind, e.outcome, e.reason, e.byUserId])).toEqual([
      ["closed", "full_return", null, f.staff.id],
      ["reopened", null, "Sygemeldt igen", f.staff.id],
    ]);
  });
});

describe("handOverCase", () => {
  it("answers 403 to a caseworker who is not a team lead, and 401 without a session", async () => {
    const f = await staffCaseFixture("handover.forbidden@kommune.example", { withMeeting: false });
    const other = await provisionCaseworker({ email: "handover.target1@kommune.example" });
    const raw = { toUserId: other.id };
    await expect(handOverCase({ actor: staffActor(f.staff, ["caseworker"]), caseId: f.caseId, raw, locale: "da" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(handOverCase({ actor: null, caseId: f.caseId, raw, locale: "da" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await findCase(await getDb(), f.caseId)).toMatchObject({ assignedCaseworkerId: f.staff.id });
  });

  it("answers field errors for someone who is not staff or no one, 409 for the case's own caseworker and for a closed case", async () => {
    const f = await staffCaseFixture("handover.invalid@kommune.example", { withMeeting: false });
    const lead = staffActor(await provisionCaseworker({ email: "lead.invalid@kommune.example" }), ["team_lead"]);
    const go = (raw: unknown) => handOverCase({ actor: lead, caseId: f.caseId, raw, locale: "da" });
    await expect(go({})).rejects.toMatchObject({ code: "INVALID_INPUT", details: { toUserId: "required" } });
    await expect(go({ toUserId: "nobody" })).rejects.toMatchObject({ code: "INVALID_INPUT", details: { toUserId: "notCaseworker" } });
    await expect(go({ toUserId: f.staff.id })).rejects.toMatchObject({ code: "CONFLICT", details: { toUserId: "alreadyAssigned" } });
    await closeCase({ who: await staffWho(f.staff.id), caseId: f.caseId, raw: { outcome: "other", date: today() } });
    const other = await provisionCaseworker({ email: "handover.target2@kommune.example" });
    await expect(go({ toUserId: other.id })).rejects.toMatchObject({ code: "CONFLICT", details: { case: "closed" } });
  });

  it("answers 404 for another organisation's case and a field error for another organisation's caseworker", async () => {
    const f = await staffCaseFixture("handover.orgs@kommune.example", { withMeeting: false });
    const elsewhere = await insertOrganisation(await getDb(), { name: "NAV Bergen", country: "NO" });
    const theirLead = staffActor(await provisionCaseworker({ email: "lead@nav.example", organisationId: elsewhere.id }), ["team_lead"]);
    const theirCaseworker = await provisionCaseworker({ email: "cw@nav.example", organisationId: elsewhere.id });
    await expect(
      handOverCase({ actor: theirLead, caseId: f.caseId, raw: { toUserId: theirCaseworker.id }, locale: "nb" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const ourLead = staffActor(await provisionCaseworker({ email: "lead.orgs@kommune.example" }), ["team_lead"]);
    await expect(
      handOverCase({ actor: ourLead, caseId: f.caseId, raw: { toUserId: theirCaseworker.id }, locale: "da" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { toUserId: "notCaseworker" },
    });
  });

  it("moves access to the new caseworker, takes it from the old one, and tells the employee the new name only", async () => {
    const f = await staffCaseFixture("handover.old@kommune.example", { withMeeting: false });
    const employeeEmail = "bodil.handover@privat.example";
    await addParticipant({ caseId: f.caseId, role: "employee", displayName: "Bodil Jensen", email: employeeEmail });
    const to = await provisionCaseworker({ email: "handover.new@kommune.example", name: "Jonas Holm" });
    const lead = staffActor(await provisionCaseworker({ email: "lead.ok@kommune.example" }), ["caseworker", "team_lead"]);
    const r = await handOverCase({ actor: lead, caseId: f.caseId, raw: { toUserId: to.id }, locale: "da" });
    expect(r.told).toBe(1);

    await expect(requireCaseStaff({ who: await staffWho(f.staff.id), caseId: f.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const now = await requireCaseStaff({ who: await staffWho(to.id), caseId: f.caseId }, { action: "manage", resource: "case" });
    expect(now.me).toMatchObject({ participantId: r.caseworkerParticipantId, role: "caseworker", displayName: "Jonas Holm" });
    expect(now.case.assignedCaseworkerId).toBe(to.id);
    expect(await listCaseEvents(await getDb(), f.caseId)).toEqual([
      expect.objectContaining({ kind: "handed_over", fromUserId: f.staff.id, toUserId: to.id, byUserId: lead.userId }),
    ]);

    const mails = await (await getDb()).select().from(outboxMail).where(eq(outboxMail.toAddress, employeeEmail));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain("Jonas Holm");
    // Nothing about the case: not the employer, not the previous caseworker.
    expect(mails[0]!.body).not.toContain("Kontorhuset");
    expect(mails[0]!.body).not.toContain("handover.old");
  });

  it("leaves the old caseworker on the case when they are also a participant in another role", async () => {
    const f = await staffCaseFixture("handover.stays@kommune.example", { withMeeting: false });
    await insertParticipant(await getDb(), { caseId: f.caseId, role: "observer", displayName: "Mentor", userId: f.staff.id });
    const to = await provisionCaseworker({ email: "handover.new2@kommune.example" });
    const lead = staffActor(await provisionCaseworker({ email: "lead.stays@kommune.example" }), ["team_lead"]);
    await handOverCase({ actor: lead, caseId: f.caseId, raw: { toUserId: to.id }, locale: "en" });
    const old = await requireCaseStaff({ who: await staffWho(f.staff.id), caseId: f.caseId });
    expect(old.me.role).toBe("observer");
  });
});
