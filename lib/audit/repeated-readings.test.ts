import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMyCases } from "../case-list/list-my-cases";
import { recordCaseListShown } from "../case-list/record-case-list-shown";
import { listDueForViewer } from "../followup/list-due-for-viewer";
import { recordDueListShown } from "../followup/record-due-list-shown";
import { createBoundCase, type BoundCase } from "../followup/testing";
import { getReviewContext } from "../followup/get-review-context";
import { accessLogOf } from "../testing/access";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { MERGE_WINDOW_MS, recordAccessMerged } from "./record-access-merged";
import { recordAgreementStatusShown } from "./record-agreement-status-shown";
import { actorsOf } from "../testing/actors";

/** Readings of case data that are not a page of their own: polls, lists, the review (issue 12.7). */
let tdb: TestDatabase;
let b: BoundCase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  b = await createBoundCase();
});
afterAll(async () => {
  await tdb.drop();
});

const kinds = async (caseId: string) => (await accessLogOf(caseId)).map((r) => r.what);

describe("recordAccessMerged", () => {
  it("writes the first reading of a window, and none for repeats of the same thing by the same person", async () => {
    const c = await createBoundCase();
    const me = c.actors.manager;
    for (let i = 0; i < 5; i++) await recordAgreementStatusShown(me, c.agreementId);
    expect(await kinds(c.caseId)).toEqual(["agreement_status"]);
    // Someone else, or another version, is another reading.
    await recordAgreementStatusShown(c.actors.employee, c.agreementId);
    await recordAgreementStatusShown(me, c.meetingId);
    expect(await kinds(c.caseId)).toHaveLength(3);
  });

  it("writes again once the window has passed", async () => {
    const c = await createBoundCase();
    const input = {
      who: { kind: "participant" as const, id: c.participants.employee.id, name: "E", role: "employee" },
      caseId: c.caseId,
      what: "due_list" as const,
      resourceId: c.caseId,
      purpose: "meeting" as const,
    };
    await recordAccessMerged(input);
    await recordAccessMerged(input, { now: new Date(Date.now() + MERGE_WINDOW_MS / 2) });
    expect(await kinds(c.caseId)).toHaveLength(1);
    await recordAccessMerged(input, { now: new Date(Date.now() + MERGE_WINDOW_MS + 60_000) });
    expect(await kinds(c.caseId)).toHaveLength(2);
  });
});

describe("readings recorded", () => {
  it("attack 12.7: the review of the last agreement (plan and every progress entry) writes a row each time it is read", async () => {
    const before = (await kinds(b.caseId)).length;
    await getReviewContext({ me: b.actors.manager, agreementId: b.agreementId });
    const rows = await accessLogOf(b.caseId);
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({
      what: "meeting_review",
      actorId: b.participants.manager.id,
      resourceId: b.agreementId,
      purpose: "meeting",
    });
  });

  it("records 'what is due from you' per case with something to show, as the participant who saw it", async () => {
    const c = await createBoundCase();
    const due = await listDueForViewer({ who: await actorsOf({ participantSessionToken: c.sessions.employee }) });
    expect(due![0]!.viewer.participantId).toBe(c.participants.employee.id);
    await recordDueListShown(due!);
    expect(await accessLogOf(c.caseId)).toEqual([
      expect.objectContaining({ what: "due_list", actorId: c.participants.employee.id, actorRole: "employee" }),
    ]);
    await recordDueListShown([{ ...due![0]!, items: [] }]);
    expect(await accessLogOf(c.caseId)).toHaveLength(1);
  });

  it("records each case in a caseworker's list of cases", async () => {
    const c = await createBoundCase();
    const cases = [
      {
        id: c.caseId,
        employeeName: "Test Person",
        employer: null,
        track: "employed" as const,
        reference: null,
        state: "open" as const,
        outcome: null,
        myRole: "caseworker" as const,
        caseworkerName: null,
        nextMeeting: null,
      },
    ];
    await recordCaseListShown({ cases, staffUserId: "user-7", name: "Mette" });
    await recordCaseListShown({ cases, staffUserId: "user-7", name: "Mette" });
    expect(await accessLogOf(c.caseId)).toEqual([
      expect.objectContaining({ what: "case_list", actorKind: "staff", actorId: "user-7", purpose: "case_management" }),
    ]);
    await expect(listMyCases({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
