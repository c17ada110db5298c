import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMeetingStatus } from "@/db/queries/meetings";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase } from "../testing/fixtures";
import { newToken } from "../access/tokens";
import { closeRevocationBus, onRevocation, type RevocationEvent } from "../access/revocation-bus";
import { completeMeeting } from "./complete-meeting";
import { actorsOf, meetingAs } from "../testing/actors";

let tdb: TestDatabase;
const events: RevocationEvent[] = [];
let off: () => void;
beforeAll(async () => {
  tdb = await createTestDatabase();
  off = onRevocation((e) => events.push(e));
});
afterAll(async () => {
  off();
  await closeRevocationBus();
  await tdb.drop();
});

describe("completeMeeting", () => {
  it("answers 401, 403 and 404 before it changes anything", async () => {
    const f = await createFixtureCase();
    await expect(completeMeeting({ who: await actorsOf({}), meetingId: f.meetingId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(
      completeMeeting({ who: await actorsOf({ participantSessionToken: newToken() }), meetingId: f.meetingId }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const role of ["employee", "manager", "union_rep", "observer"] as const) {
      await expect(
        completeMeeting({ who: await actorsOf({ participantSessionToken: f.participants[role].sessionToken }), meetingId: f.meetingId }),
        role,
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const other = await createFixtureCase();
    await expect(
      completeMeeting({
        who: await actorsOf({ participantSessionToken: other.participants.caseworker.sessionToken }),
        meetingId: f.meetingId,
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      completeMeeting({
        who: await actorsOf({ participantSessionToken: f.participants.caseworker.sessionToken }),
        meetingId: "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await meetingAs(f.participants.caseworker.sessionToken, f.meetingId)).meeting.status).toBe("planned");
    expect(events).toEqual([]);
  });

  it("refuses a cancelled meeting (409)", async () => {
    const f = await createFixtureCase();
    await setMeetingStatus(tdb.handle.db, f.meetingId, "cancelled");
    await expect(
      completeMeeting({ who: await actorsOf({ participantSessionToken: f.participants.caseworker.sessionToken }), meetingId: f.meetingId }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { meeting: "cancelled" },
    });
  });

  it("lets the caseworker complete the meeting, tells the socket servers, and is harmless twice", async () => {
    const f = await createFixtureCase();
    const who = await actorsOf({ participantSessionToken: f.participants.caseworker.sessionToken });
    events.length = 0;
    expect(await completeMeeting({ who, meetingId: f.meetingId })).toEqual({ meetingId: f.meetingId, changed: true });
    expect((await meetingAs(f.participants.employee.sessionToken, f.meetingId)).meeting.status).toBe("completed");
    expect(events).toEqual([{ type: "meeting_completed", meetingId: f.meetingId, at: expect.any(Number) }]);
    expect(await completeMeeting({ who, meetingId: f.meetingId })).toEqual({ meetingId: f.meetingId, changed: false });
  });
});
