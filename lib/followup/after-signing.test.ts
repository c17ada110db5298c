import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertMeeting } from "@/db/queries/meetings";
import { getAgreementForParticipant } from "../agreements/get-agreement-for-participant";
import { createMeetingDocument } from "../collab-store/create-meeting-document";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { dueFromMe } from "./due-from-me";
import { getCaseFollowUp } from "./get-case-follow-up";
import { createBoundCase } from "./testing";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe("after signing", () => {
  it("issue 13.2: the signed version's text says who signed and when, not '– must sign'", async () => {
    const b = await createBoundCase();
    const view = await getAgreementForParticipant({ me: b.actors.employee, agreementId: b.agreementId, locale: "en" });
    const whoSigns = view.presentation!.content.sections.find((s) => s.heading === "Who signs")!;
    expect(whoSigns.rows.map((r) => r.value).join("\n")).not.toContain("must sign");
    for (const role of ["caseworker", "employee", "manager"] as const) {
      expect(whoSigns.rows.find((r) => r.value.startsWith(b.names[role]))!.value).toMatch(new RegExp(`^${b.names[role]} – signed \\d`));
    }
  });

  it("issue 13.2: people who just signed are not asked to confirm they have read it; the others are", async () => {
    const b = await createBoundCase();
    const employee = await dueFromMe({ me: b.actors.employee, employeeName: "Kurt" });
    expect(employee.items.filter((i) => i.kind === "read")).toEqual([]);
    const unionRep = await dueFromMe({ me: b.actors.union_rep, employeeName: "Kurt" });
    expect(unionRep.items.filter((i) => i.kind === "read")).toHaveLength(1);
    const cw = await getCaseFollowUp({ me: b.actors.caseworker });
    expect(cw.receipts.map((r) => [r.role, r.bySignature === true]).sort()).toEqual([
      ["caseworker", true],
      ["employee", true],
      ["manager", true],
    ]);
  });

  it("issue 13.2: the case page's next meeting is the next one in the future, not one that is over earlier the same day", async () => {
    const b = await createBoundCase();
    const day = "2030-06-12";
    const morning = await insertMeeting(await getDb(), {
      caseId: b.caseId,
      title: "Morning",
      startsAt: new Date(`${day}T07:00:00Z`),
      location: null,
    });
    const nextWeek = await insertMeeting(await getDb(), {
      caseId: b.caseId,
      title: "Next week",
      startsAt: new Date("2030-06-19T07:00:00Z"),
      location: null,
    });
    for (const m of [morning, nextWeek]) await createMeetingDocument({ meetingId: m.id, track: "employed" });
    // 13:00 the same day: the morning meeting (and the fixture's, long ago) is over.
    const cw = await getCaseFollowUp({ me: b.actors.caseworker, now: new Date(`${day}T11:00:00Z`) });
    expect(cw.nextMeeting?.id).toBe(nextWeek.id);
    // During the morning meeting it is the next one.
    const during = await getCaseFollowUp({ me: b.actors.caseworker, now: new Date(`${day}T07:30:00Z`) });
    expect(during.nextMeeting?.id).toBe(morning.id);
  });
});
