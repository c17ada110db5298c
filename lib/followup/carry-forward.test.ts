import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amendAgreement } from "../agreements/amend-agreement";
import { CLIENT, editMeeting } from "../agreements/test-fixtures";
import { readAgenda } from "../collab/agenda";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { readReview, reviewCommentText, setReviewOutcome } from "../collab/review";
import { meetingDocName } from "../collab/doc-names";
import { loadDocument } from "../collab-store/load-document";
import { createFixtureCase } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { scheduleMeeting } from "../meetings/schedule-meeting";
import { readFrozenDocument } from "../agreements/frozen-document";
import { getDb } from "@/db/client";
import { findAgreement } from "@/db/queries/agreements";
import { recordProgress } from "../progress/record-progress";
import { setMeasurePrivacy } from "../progress/set-measure-privacy";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { carryForward } from "./carry-forward";
import { followUpFill } from "./follow-up-fill";
import { diffPlans } from "./plan-diff";
import { snapshotFromView } from "./snapshot-from-view";
import { createBoundCase, type BoundCase } from "./testing";
import { readAgreementContent } from "../agreements/agreement-content";
import { dateInZone } from "../time/zoned";

let tdb: TestDatabase;
let bound: BoundCase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  bound = await createBoundCase();
});
afterAll(async () => {
  await tdb.drop();
});

async function followUpDoc(caseId: string): Promise<Y.Doc> {
  const fill = await followUpFill(caseId, "en");
  expect(fill).toBeDefined();
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  fill!(doc);
  return doc;
}

describe("carryForward", () => {
  it("gives exactly one review item per agreed action and per sub-goal, each on its own agenda item", async () => {
    const binding = bindingOf(await loadCaseAgreements(bound.caseId))!;
    const { actions, plan } = binding.content;
    expect(actions).toHaveLength(3);
    expect(plan.subGoals).toHaveLength(2);

    const doc = await followUpDoc(bound.caseId);
    const review = readReview(doc)!;
    expect(review.basis).toEqual({ agreementId: bound.agreementId, version: 1, fingerprint: bound.fingerprint });
    expect(review.items).toHaveLength(actions.length + plan.subGoals.length);
    expect(review.items.filter((i) => i.kind === "action").map((i) => i.refId)).toEqual(actions.map((a) => a.id));
    expect(review.items.filter((i) => i.kind === "subGoal").map((i) => i.refId)).toEqual(plan.subGoals.map((g) => g.id));
    expect(new Set(review.items.map((i) => i.id)).size).toBe(review.items.length);
    expect(review.items.every((i) => i.outcome === null && i.comment === "")).toBe(true);

    const agenda = readAgenda(doc);
    const linked = review.items.map((i) => agenda.find((a) => a.id === i.agendaItemId));
    expect(linked.every(Boolean)).toBe(true);
    expect(new Set(review.items.map((i) => i.agendaItemId)).size).toBe(review.items.length);
    // Welcome + one per item + adjusting the plan + closing.
    expect(agenda).toHaveLength(review.items.length + 3);
    expect(linked[0]!.title).toBe(`Review of action: ${actions[0]!.text}`);
    doc.destroy();
  });

  it("starts the new plan from the binding agreement's plan, ids and all; only the next meeting's time is left open", async () => {
    const binding = bindingOf(await loadCaseAgreements(bound.caseId))!;
    const doc = await followUpDoc(bound.caseId);
    const view = readMeetingDoc(doc);
    const people = new Map(
      binding.content.actions.flatMap((a) =>
        a.owner ? [[a.owner.participantId, { name: a.owner.name, role: a.owner.role }] as const] : [],
      ),
    );
    const changes = diffPlans(binding.content, snapshotFromView(view, people));
    expect(changes).toEqual([{ field: "followUp.nextMeetingAt", subject: null, from: binding.content.followUp.nextMeetingAt, to: null }]);
    expect(view.plan.subGoals.map((g) => g.id)).toEqual(binding.content.plan.subGoals.map((g) => g.id));
    doc.destroy();
  });

  it("carries a plan with no actions into a review of its sub-goals only", () => {
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    carryForward(
      doc,
      {
        agreementId: "a-1",
        version: 2,
        fingerprint: "f".repeat(64),
        content: {
          version: 2,
          preparedAt: new Date().toISOString(),
          meeting: { id: "m", startsAt: new Date().toISOString() },
          plan: {
            track: "employed",
            goal: "",
            goalTargetDate: null,
            step: 9,
            subGoals: [
              { id: "g1", text: "Walk daily", due: null, measure: { label: "", from: null, target: null, unit: "" }, activities: [] },
            ],
            mixer: { hours: 7 },
            tools: ["nonsense"],
          },
          actions: [],
          followUp: { howOften: "", jobCentre: "", nextMeetingAt: null },
          review: null,
        },
      },
      "da",
    );
    const review = readReview(doc)!;
    expect(review.items.map((i) => [i.kind, i.refId])).toEqual([["subGoal", "g1"]]);
    // Values that do not fit the model (a step off the staircase, a mixer value of 7, an unknown tool) are left out.
    const plan = readMeetingDoc(doc).plan;
    expect(plan.step).toBeNull();
    expect(plan.mixer).toEqual({});
    expect(plan.tools).toEqual({});
    expect(readAgenda(doc)[1]!.title).toBe("Opfølgning på delmål: Walk daily");
    doc.destroy();
  });

  it("starts nothing for a case without a binding agreement", async () => {
    const fresh = await createFixtureCase();
    expect(await followUpFill(fresh.caseId, "da")).toBeUndefined();
  });

  it("keeps outcomes to the item's kind", async () => {
    const doc = await followUpDoc(bound.caseId);
    const [action, , , subGoal] = readReview(doc)!.items;
    setReviewOutcome(doc, action!.id, "slipped");
    setReviewOutcome(doc, subGoal!.id, "on_track");
    expect(() => setReviewOutcome(doc, subGoal!.id, "done")).toThrow(/not an outcome/);
    expect(() => setReviewOutcome(doc, action!.id, "on_track")).toThrow(/not an outcome/);
    const items = readReview(doc)!.items;
    expect(items[0]!.outcome).toBe("slipped");
    expect(items[3]!.outcome).toBe("on_track");
    doc.destroy();
  });
});

describe("the review is part of the next agreement", () => {
  it("freezes each item's outcome, comment and recorded progress into version 2, in every language", async () => {
    const b = await createBoundCase();
    const today = dateInZone(new Date());
    const binding = bindingOf(await loadCaseAgreements(b.caseId))!;
    const pain = binding.content.plan.subGoals[0]!;
    await recordProgress({ me: b.actors.employee, raw: { subGoalId: pain.id, date: today, value: "6", note: "Better week" } });
    // Pain is a health measure: its numbers are frozen only because the employee shares them
    // (kept private, only that is frozen: app/api/cases/health-measures.test.ts).
    await setMeasurePrivacy({ me: b.actors.employee, raw: { subGoalId: pain.id, health: true, shared: true } });

    const meeting = await scheduleMeeting({
      caseId: b.caseId,
      track: "employed",
      title: "Follow-up",
      startsAt: new Date(),
      location: "Room 2",
      fill: await followUpFill(b.caseId, "da"),
    });
    const loaded = await loadDocument(meetingDocName(meeting.id));
    const items = readReview(loaded!.doc)!.items;
    loaded!.doc.destroy();
    await editMeeting(meeting.id, (doc) => {
      setReviewOutcome(doc, items[0]!.id, "done");
      setReviewOutcome(doc, items[3]!.id, "not_on_track");
      reviewCommentText(doc, items[3]!.id).insert(0, "Pain went up after lifting");
    });

    const v2 = await amendAgreement({
      me: b.actors.caseworker,
      meetingId: meeting.id,
      reason: "Follow-up",
      unionRepSigns: false,
      client: CLIENT,
    });
    const row = (await findAgreement(await getDb(), v2.agreementId))!;
    const content = readAgreementContent(row.canonical);
    expect(content.review!.basis.version).toBe(1);
    expect(content.review!.items).toHaveLength(5);
    expect(content.review!.items[0]).toMatchObject({ kind: "action", outcome: "done", comment: "" });
    expect(content.review!.items[3]).toMatchObject({
      kind: "subGoal",
      refId: pain.id,
      outcome: "not_on_track",
      comment: "Pain went up after lifting",
      progress: { entries: 1, latest: { date: today, value: 6 } },
    });

    const doc = readFrozenDocument(row.canonical);
    const heading = { da: "Opfølgning på version 1", nb: "Oppfølging av versjon 1", en: "Review of version 1" };
    for (const [locale, text] of Object.entries(heading)) {
      const section = doc.presentation[locale]!.sections.find((s) => s.heading === text);
      expect(section, locale).toBeDefined();
      expect(section!.groups).toHaveLength(5);
    }
    const en = doc.presentation.en!.sections.find((s) => s.heading === heading.en)!;
    expect(en.groups[3]!.rows.map((r) => r.value)).toEqual([
      "Not on track",
      expect.stringMatching(/^Latest 6 on /),
      "Pain went up after lifting",
    ]);
  });
});
