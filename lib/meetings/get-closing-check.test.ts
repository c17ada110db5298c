import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { loadDocument } from "../collab-store/load-document";
import { appendDocumentUpdates } from "../collab-store/append-updates";
import { meetingDocName } from "../collab/doc-names";
import { addAction } from "../collab/actions";
import { setNextMeetingAt } from "../collab/follow-up";
import { setConsent } from "../collab/flow-consent";
import { confirmClosing, setPhase } from "../collab/meeting-flow";
import { markSeen } from "../collab/flow-read";
import { getClosingCheck } from "./get-closing-check";
import { consentItemsOfPlan } from "../collab/consent-items";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import type { MeetingContext } from "../access/actor";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

function ctxOf(f: FixtureCase): MeetingContext {
  return {
    me: {
      participantId: f.participants.caseworker.id,
      caseId: f.caseId,
      role: "caseworker",
      displayName: "Test caseworker",
      colorIndex: 0,
    },
    meeting: {
      id: f.meetingId,
      caseId: f.caseId,
      title: "Test meeting",
      startsAt: new Date(),
      durationMinutes: 60,
      location: null,
      videoUrl: null,
      status: "scheduled",
    },
    case: { id: f.caseId, employeeName: "Test Person", employer: "Test Employer", track: "employed" },
  } as MeetingContext;
}

async function edit(f: FixtureCase, fn: (doc: Y.Doc) => void): Promise<void> {
  const { doc } = (await loadDocument(meetingDocName(f.meetingId)))!;
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  fn(doc);
  await appendDocumentUpdates(updates.map((data) => ({ docName: meetingDocName(f.meetingId), data })));
  doc.destroy();
}

describe("getClosingCheck", () => {
  it("reads a document that never saw the meeting flow as not ready, still preparing", async () => {
    const f = await createFixtureCase();
    const state = await getClosingCheck(ctxOf(f));
    expect(state).toMatchObject({ phase: "preparing", confirmed: null, check: { ready: false, nextMeetingSet: false } });
    // Only the parts of the whole plan are there to mark: no sub-goals or actions yet.
    expect(state.check.items.map((i) => i.kind)).toEqual(["goal", "step", "mixer", "tools", "followUp"]);
  });

  it("says confirmed only while everyone still agrees and the next meeting is set", async () => {
    const f = await createFixtureCase();
    const { caseworker, employee, manager } = f.participants;
    let action = "";
    await edit(f, (doc) => {
      action = addAction(doc, { text: "Agree working hours" });
      setPhase(doc, "closing", { by: caseworker.id, at: 1_000 });
      const v = readMeetingDoc(doc);
      const items = consentItemsOfPlan({ plan: v.plan, subGoals: v.plan.subGoals, actions: v.actions, followUp: v.followUp });
      for (const p of [caseworker, employee, manager]) {
        markSeen(doc, p.id, 2_000);
        for (const item of items)
          setConsent(
            doc,
            { kind: item.kind, itemId: item.id, participantId: p.id, value: "agree", itemText: item.text },
            { by: p.id, at: 3_000 },
          );
      }
      setNextMeetingAt(doc, "2031-02-03T09:30");
      confirmClosing(doc, { by: caseworker.id, at: 4_000 });
    });
    let state = await getClosingCheck(ctxOf(f));
    expect(state.check.people.sort()).toEqual([caseworker.id, employee.id, manager.id].sort());
    expect(state.confirmed).toEqual({ by: caseworker.id, at: 4_000 });

    await edit(f, (doc) =>
      setConsent(
        doc,
        {
          kind: "action",
          itemId: action,
          participantId: manager.id,
          value: "reservations",
          comment: "Rota",
          itemText: "Agree working hours",
        },
        { by: manager.id, at: 5_000 },
      ),
    );
    state = await getClosingCheck(ctxOf(f));
    expect(state.confirmed).toBeNull();
    expect(state.check.reservations.map((r) => r.participantId)).toEqual([manager.id]);
  });
});
