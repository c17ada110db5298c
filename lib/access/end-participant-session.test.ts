import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { getMeetingTicket } from "../meetings/get-meeting-ticket";
import { endParticipantSession } from "./end-participant-session";
import { openJoinLink } from "./open-join-link";
import { newToken } from "./tokens";
import { closeRevocationBus, onRevocation, type RevocationEvent } from "./revocation-bus";
import { actorsOf, meOfSession } from "../testing/actors";

let tdb: TestDatabase;
let f: FixtureCase;
const events: RevocationEvent[] = [];
let off: () => void;
beforeAll(async () => {
  tdb = await createTestDatabase();
  f = await createFixtureCase();
  off = onRevocation((e) => events.push(e));
});
afterAll(async () => {
  off();
  await closeRevocationBus();
  await tdb.drop();
});

describe("endParticipantSession", () => {
  it("does nothing without a live session", async () => {
    expect(await endParticipantSession(undefined)).toEqual({ ended: false });
    expect(await endParticipantSession("not-a-token")).toEqual({ ended: false });
    expect(await endParticipantSession(newToken())).toEqual({ ended: false });
    expect(events).toEqual([]);
  });

  it("ends this session only: its cookie stops working, the bus is told, other devices stay signed in", async () => {
    const phone = await openJoinLink({ token: f.participants.employee.joinToken, ip: null, userAgent: "phone" });
    const laptop = await openJoinLink({ token: f.participants.employee.joinToken, ip: null, userAgent: "laptop" });
    expect(await endParticipantSession(phone.sessionToken)).toEqual({ ended: true });
    await expect(meOfSession(phone.sessionToken)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(
      getMeetingTicket({
        who: await actorsOf({ participantSessionToken: phone.sessionToken }),
        meetingId: f.meetingId,
        wsOrigin: "ws://x",
        doc: "prep",
      }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect((await meOfSession(laptop.sessionToken)).participantId).toBe(f.participants.employee.id);
    expect(events).toEqual([
      { type: "session_ended", participantId: f.participants.employee.id, sessionId: expect.any(String), at: expect.any(Number) },
    ]);
    // Twice is harmless, and says so.
    expect(await endParticipantSession(phone.sessionToken)).toEqual({ ended: false });
    expect(events).toHaveLength(1);
  });
});
