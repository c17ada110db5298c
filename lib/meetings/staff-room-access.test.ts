import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase } from "../testing/fixtures";
import { openJoinLink } from "../access/open-join-link";
import { newToken } from "../access/tokens";
import { staffCaseFixture } from "../cases/testing";
import { verifyTicket } from "../tickets/collab-ticket";
import { getMeetingTicket } from "./get-meeting-ticket";
import { openStaffSession } from "../auth/testing";
import { requireMeetingParticipant, requireMeetingParticipantFrom } from "./require-meeting-participant";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe("requireMeetingParticipantFrom", () => {
  it("answers 401 with no identity, or only a dead participant session", async () => {
    const a = await staffCaseFixture("room.none@kommune.example");
    await expect(requireMeetingParticipantFrom({}, a.meetingId!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(requireMeetingParticipantFrom({ participantSessionToken: newToken() }, a.meetingId!)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("lets the caseworker who opened the case in with their staff session, recording how they signed in", async () => {
    const a = await staffCaseFixture("room.cw@kommune.example");
    const ctx = await requireMeetingParticipantFrom({ staffUserId: a.staff.id, staffAuthMethod: "oidc" }, a.meetingId!);
    expect(ctx.me).toMatchObject({ participantId: a.caseworkerParticipantId, role: "caseworker", authMethod: "oidc" });
    const byEmail = await requireMeetingParticipantFrom({ staffUserId: a.staff.id }, a.meetingId!);
    expect(byEmail.me.authMethod).toBe("email-link");
    // A ticket is bound to the staff session it was fetched with, so without that session there is none.
    await expect(getMeetingTicket({ sessionToken: undefined, staffUserId: a.staff.id, meetingId: a.meetingId!, wsOrigin: "ws://localhost:3000" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const staffSessionToken = await openStaffSession(a.staff.id);
    const ticket = await getMeetingTicket({ sessionToken: undefined, staffUserId: a.staff.id, staffSessionToken, meetingId: a.meetingId!, wsOrigin: "ws://localhost:3000" });
    expect(verifyTicket(ticket.params.ticket, ticket.room)).toMatchObject({ participantId: a.caseworkerParticipantId, session: expect.stringMatching(/^staff:/), readOnly: false });
    // Another staff member's session cookie does not bind a ticket to this caseworker.
    const stranger = await staffCaseFixture("room.stranger@kommune.example");
    const foreign = await openStaffSession(stranger.staff.id);
    await expect(
      getMeetingTicket({ sessionToken: undefined, staffUserId: a.staff.id, staffSessionToken: foreign, meetingId: a.meetingId!, wsOrigin: "ws://localhost:3000" }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses a staff member who is not on the meeting's case (403), and an unknown meeting (404)", async () => {
    const a = await staffCaseFixture("room.a@kommune.example");
    const b = await staffCaseFixture("room.b@kommune.example");
    await expect(requireMeetingParticipantFrom({ staffUserId: b.staff.id }, a.meetingId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getMeetingTicket({ sessionToken: null, staffUserId: b.staff.id, meetingId: a.meetingId!, wsOrigin: "ws://x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(requireMeetingParticipantFrom({ staffUserId: a.staff.id }, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("uses a join-link session of this case first, and marks it as a join link", async () => {
    const f = await createFixtureCase();
    const s = await openJoinLink({ token: f.participants.employee.joinToken, ip: null, userAgent: null });
    const ctx = await requireMeetingParticipant(s.sessionToken, f.meetingId);
    expect(ctx.me).toMatchObject({ role: "employee", authMethod: "join-link" });
  });

  it("falls back to the staff session when the participant session belongs to another case", async () => {
    const a = await staffCaseFixture("room.both@kommune.example");
    const other = await createFixtureCase();
    const s = await openJoinLink({ token: other.participants.manager.joinToken, ip: null, userAgent: null });
    const ctx = await requireMeetingParticipantFrom({ participantSessionToken: s.sessionToken, staffUserId: a.staff.id }, a.meetingId!);
    expect(ctx.me).toMatchObject({ role: "caseworker", participantId: a.caseworkerParticipantId });
    await expect(requireMeetingParticipantFrom({ participantSessionToken: s.sessionToken }, a.meetingId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
