import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amendAgreement } from "../agreements/amend-agreement";
import { signAgreement } from "../agreements/sign-agreement";
import { CLIENT, editMeeting } from "../agreements/test-fixtures";
import { addAction } from "../collab/actions";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import { goalText, setStep } from "../collab/plan";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { readReview, setReviewOutcome } from "../collab/review";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { followUpFill } from "./follow-up-fill";
import { getReviewContext } from "./get-review-context";
import { switchReviewBasis } from "./switch-review-basis";
import { createBoundCase } from "./testing";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const LABELS = { reviewAction: "Review action", reviewSubGoal: "Review sub-goal" };

describe("a follow-up meeting follows the newest binding version", () => {
  it("issue 13.2: a follow-up room filled from version 1 learns that version 2 binds now, and switching reviews version 2 without losing the meeting's own work", async () => {
    const b = await createBoundCase();
    // The follow-up meeting is scheduled while version 1 binds: its room starts from version 1.
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    (await followUpFill(b.caseId, "en"))!(doc);
    expect(readReview(doc)!.basis.version).toBe(1);
    const firstAction = readReview(doc)!.items.find((i) => i.kind === "action")!;
    // The follow-up meeting has started: an outcome, and the goal reworded.
    setReviewOutcome(doc, firstAction.id, "done");
    goalText(doc).insert(0, "Reworded in the follow-up: ");

    // Meanwhile version 2 is agreed and bound in the first meeting: step 4 and a new action.
    let newActionId = "";
    await editMeeting(b.meetingId, (d) => {
      setStep(d, 4);
      newActionId = addAction(d, { text: "Try a standing desk" });
    });
    const v2 = await amendAgreement({
      me: b.actors.caseworker,
      meetingId: b.meetingId,
      reason: "Step 4",
      unionRepSigns: false,
      client: CLIENT,
    });
    for (const role of ["caseworker", "employee", "manager"] as const) {
      await signAgreement({
        me: b.actors[role],
        agreementId: v2.agreementId,
        confirmation: { mode: "own-device", typedName: b.names[role] },
        readAndAgreed: true,
        shownHash: v2.fingerprint,
        client: CLIENT,
      });
    }

    // The room is told plainly which version it reviews, and which binds now.
    const context = await getReviewContext({ me: b.actors.employee, agreementId: b.agreementId });
    expect(context.basis.version).toBe(1);
    expect(context.newer).toMatchObject({ id: v2.agreementId, version: 2, fingerprint: v2.fingerprint });

    switchReviewBasis(
      doc,
      { agreementId: context.basis.id, version: 1, fingerprint: context.basis.fingerprint, snapshot: context.basis.snapshot },
      { agreementId: context.newer!.id, version: 2, fingerprint: context.newer!.fingerprint, snapshot: context.newer!.snapshot },
      LABELS,
    );
    const review = readReview(doc)!;
    expect(review.basis).toEqual({ agreementId: v2.agreementId, version: 2, fingerprint: v2.fingerprint });
    expect(review.items.find((i) => i.refId === firstAction.refId)).toMatchObject({ outcome: "done" });
    expect(review.items.some((i) => i.kind === "action" && i.refId === newActionId)).toBe(true);
    const view = readMeetingDoc(doc);
    expect(view.plan.step).toBe(4);
    expect(view.actions.some((a) => a.id === newActionId && a.text === "Try a standing desk")).toBe(true);
    expect(view.plan.goal.startsWith("Reworded in the follow-up: ")).toBe(true);
    expect(view.agenda.some((a) => a.title === "Review action: Try a standing desk")).toBe(true);
    // Nothing else moves: the new context no longer offers a newer version.
    expect((await getReviewContext({ me: b.actors.employee, agreementId: v2.agreementId })).newer).toBeNull();
  });
});
