import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertMeeting } from "@/db/queries/meetings";
import { amendAgreement } from "../agreements/amend-agreement";
import { signAgreement } from "../agreements/sign-agreement";
import { CLIENT, editMeeting } from "../agreements/test-fixtures";
import { setMixer, setStep } from "../collab/plan";
import { createMeetingDocument } from "../collab-store/create-meeting-document";
import { recordProgress } from "../progress/record-progress";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addDays, dateInZone } from "../time/zoned";
import { answerInvitation } from "./answer-invitation";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { confirmAgreementRead } from "./confirm-agreement-read";
import { dueFromMe } from "./due-from-me";
import { getCaseFollowUp } from "./get-case-follow-up";
import { listDueForViewer } from "./list-due-for-viewer";
import { createBoundCase, type BoundCase } from "./testing";
import { actorsOf } from "../testing/actors";

let tdb: TestDatabase;
let b: BoundCase;
let nextMeetingId: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  b = await createBoundCase();
  const m = await insertMeeting(await getDb(), {
    caseId: b.caseId,
    title: "Next",
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    location: "Room 3",
  });
  await createMeetingDocument({ meetingId: m.id, track: "employed" });
  nextMeetingId = m.id;
});
afterAll(async () => {
  await tdb.drop();
});

describe("getCaseFollowUp", () => {
  it("shows the step, the binding version, the next meeting and the measures; the caseworker sees every answer, the others their own", async () => {
    const pain = bindingOf(await loadCaseAgreements(b.caseId))!.content.plan.subGoals[0]!.id;
    await recordProgress({ me: b.actors.employee, raw: { subGoalId: pain, date: dateInZone(new Date()), value: 7 } });
    await answerInvitation({ me: b.actors.manager, meetingId: nextMeetingId, raw: { answer: "cannot_come", reason: "On holiday" } });
    await answerInvitation({ me: b.actors.employee, meetingId: nextMeetingId, raw: { answer: "coming" } });

    const cw = await getCaseFollowUp({ me: b.actors.caseworker });
    expect(cw.step).toMatchObject({ step: 3, since: { version: 1 }, previous: null });
    expect(cw.binding).toMatchObject({ version: 1, state: "binding" });
    // Today's meeting stays "next" all day; the one in a week follows.
    expect(cw.nextMeeting?.id).toBe(b.meetingId);
    expect(cw.meetings.find((m) => m.id === nextMeetingId)).toMatchObject({ upcoming: true });
    expect(cw.measures.map((m) => m.subGoalId)[0]).toBe(pain);
    expect(cw.measures[0]!.entries).toHaveLength(1);
    expect(cw.measures[1]!.ramp).not.toBeNull();
    expect(cw.measures[0]!.ramp).toBeNull();
    expect(cw.answers.map((a) => [a.role, a.answer, a.reason])).toEqual([
      ["manager", "cannot_come", "On holiday"],
      ["employee", "coming", null],
    ]);
    expect(cw.may).toMatchObject({ recordProgress: false, seeEveryAnswer: true });
    // What was agreed last time: the binding version's sub-goals with their activities, its tools and follow-up arrangement.
    const content = bindingOf(await loadCaseAgreements(b.caseId))!.content;
    expect(cw.binding!.agreed.subGoals).toEqual(content.plan.subGoals);
    expect(cw.binding!.agreed.subGoals[0]!.activities.length).toBeGreaterThan(0);
    expect(cw.binding!.agreed.tools).toEqual(content.plan.tools);
    expect(cw.binding!.agreed.followUp.howOften).not.toBe("");
    expect(cw.binding!.agreed.followUp).toEqual(content.followUp);
    expect(cw.binding!.agreed.meetingStartsAt?.toISOString()).toBe(new Date(content.meeting.startsAt).toISOString());
    expect(cw.binding!.agreed.review).toBeNull();

    const emp = await getCaseFollowUp({ me: b.actors.employee });
    expect(emp.answers.map((a) => a.role)).toEqual(["employee"]);
    expect(emp.may).toMatchObject({ recordProgress: true, seeEveryAnswer: false, confirmRead: true });
    const obs = await getCaseFollowUp({ me: b.actors.observer });
    expect(obs.may).toMatchObject({ recordProgress: false, confirmRead: false });
  });

  it("after a second binding version: the step says when and by which agreement it changed, the mixer desk's history its turns, and any two versions compare", async () => {
    const c = await createBoundCase();
    await editMeeting(c.meetingId, (doc) => {
      setStep(doc, 4);
      setMixer(doc, "hours", 3);
      setMixer(doc, "intensity", 1);
    });
    const v2 = await amendAgreement({
      me: c.actors.caseworker,
      meetingId: c.meetingId,
      reason: "Up a step",
      unionRepSigns: false,
      client: CLIENT,
    });
    for (const role of ["caseworker", "employee", "manager"] as const) {
      await signAgreement({
        me: c.actors[role],
        agreementId: v2.agreementId,
        confirmation: { mode: "own-device", typedName: c.names[role] },
        readAndAgreed: true,
        shownHash: v2.fingerprint,
        client: CLIENT,
      });
    }
    const f = await getCaseFollowUp({ me: c.actors.union_rep, compare: { from: 2, to: 1 } });
    expect(f.step).toMatchObject({ step: 4, previous: 3, since: { version: 2, agreementId: v2.agreementId } });
    expect(f.mixer.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(f.mixer.rows.find((r) => r.dimension === "hours")).toMatchObject({ values: [2, 3], trend: "up" });
    expect(f.mixer.rows.find((r) => r.dimension === "intensity")).toMatchObject({ values: [2, 1], trend: "down" });
    expect(f.mixer.rows.find((r) => r.dimension === "tasks")).toMatchObject({ values: [3, 3], trend: "same" });
    expect(f.versions[1]!.changes).toContainEqual({ field: "step", subject: null, from: 3, to: 4 });
    expect(f.comparison).toMatchObject({ from: 2, to: 1 });
    expect(f.comparison!.changes).toContainEqual({ field: "step", subject: null, from: 4, to: 3 });
    // The measure's plan line is one line: version 2 took over the day it was agreed — the same
    // meeting's day as version 1, so version 1's piece has no length left, and no second line starts.
    expect(f.measures[0]!.planned.map((p) => p.version)).toEqual([2]);
    // Version 2 was amended in the same meeting (no review): nothing found about version 1.
    expect(f.binding!.agreed.review).toBeNull();
  });
});

describe("dueFromMe", () => {
  it("lists my open actions (overdue first), progress asked for and invitations to answer (a signer is not asked to confirm reading)", async () => {
    const c = await createBoundCase();
    const m = await insertMeeting(await getDb(), {
      caseId: c.caseId,
      title: "Next",
      startsAt: new Date(Date.now() + 3 * 86_400_000),
      location: "Room",
    });
    const manager = await dueFromMe({ me: c.actors.manager, employeeName: "Test Person" });
    // Lars signed the binding version: that says he read it, so no "confirm you have read it".
    // Hours are asked of the manager; pain (a health measure) never is.
    expect(manager.items.map((i) => i.kind)).toEqual(["action", "progress", "answer"]);
    expect(manager.items[0]).toMatchObject({ kind: "action", overdue: false });
    expect(manager.items[2]).toMatchObject({ kind: "answer", meetingId: m.id });
    // Lars owns "Aftale arbejdstider …", due a week after the agreement: overdue 40 days on (and the meeting is past).
    const later = await dueFromMe({ me: c.actors.manager, employeeName: "Test Person", now: new Date(Date.now() + 40 * 86_400_000) });
    expect(later.items[0]).toMatchObject({ kind: "action", overdue: true });
    expect(later.items.some((i) => i.kind === "answer")).toBe(false);

    const binding = bindingOf(await loadCaseAgreements(c.caseId))!;
    const today = dateInZone(new Date());
    await recordProgress({ me: c.actors.manager, raw: { subGoalId: binding.content.plan.subGoals[1]!.id, date: today, value: 20 } });
    await answerInvitation({ me: c.actors.manager, meetingId: m.id, raw: { answer: "coming" } });
    await confirmAgreementRead({ me: c.actors.manager, raw: { agreementId: binding.id, fingerprint: binding.fingerprint } });
    const after = await dueFromMe({ me: c.actors.manager, employeeName: "Test Person" });
    expect(after.items.map((i) => i.kind)).toEqual(["action"]);
    // A week on, progress is asked for again.
    const weekOn = await dueFromMe({ me: c.actors.manager, employeeName: "Test Person", now: new Date(`${addDays(today, 8)}T12:00:00Z`) });
    expect(weekOn.items.filter((i) => i.kind === "progress")).toHaveLength(1);

    // The caseworker is never asked to answer their own invitation; the union rep records nothing.
    expect((await dueFromMe({ me: c.actors.caseworker, employeeName: "x" })).items.some((i) => i.kind === "answer")).toBe(false);
    expect((await dueFromMe({ me: c.actors.union_rep, employeeName: "x" })).items.some((i) => i.kind === "progress")).toBe(false);
    expect((await dueFromMe({ me: c.actors.observer, employeeName: "x" })).items.some((i) => i.kind === "read")).toBe(false);
  });
});

describe("listDueForViewer", () => {
  it("on a case page lists only that case's items; someone else's case gives nothing; no session gives null", async () => {
    const c = await createBoundCase();
    const other = await createBoundCase();
    const session = c.sessions.employee;
    const own = await listDueForViewer({ who: await actorsOf({ participantSessionToken: session }), caseId: c.caseId });
    expect(own).toHaveLength(1);
    expect(own![0]!.caseId).toBe(c.caseId);
    // Kurt signed it: he is not asked to confirm reading it.
    expect(own![0]!.items.map((i) => i.kind)).not.toContain("read");
    expect(await listDueForViewer({ who: await actorsOf({ participantSessionToken: session }), caseId: other.caseId })).toEqual([]);
    expect(await listDueForViewer({ who: await actorsOf({ participantSessionToken: null }) })).toBeNull();
    expect(await listDueForViewer({ who: await actorsOf({ participantSessionToken: "not-a-session" }) })).toBeNull();
  });
});
