import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase } from "../testing/fixtures";
import { openJoinLink } from "../access/open-join-link";
import { newToken } from "../access/tokens";
import { staffCaseFixture } from "../cases/testing";
import { verifyTicket } from "../tickets/collab-ticket";
import { getMeetingTicket } from "./get-meeting-ticket";
import { openStaffSession } from "../auth/testing";
import { actorsOf, meetingAs } from "../testing/actors";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe("resolveAccess for a meeting (participant or staff session)", () => {
  it("answers 401 with no identity, or only a dead participant or staff session", async () => {
    const a = await staffCaseFixture("room.none@kommune.example");
    await expect(meetingAs({}, a.meetingId!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(meetingAs({ participantSessionToken: newToken() }, a.meetingId!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(meetingAs({ staffSessionToken: newToken() }, a.meetingId!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("lets the caseworker who opened the case in with their staff session, recording how they signed in", async () => {
    const a = await staffCaseFixture("room.cw@kommune.example");
    const ctx = await meetingAs({ staffSessionToken: await openStaffSession(a.staff.id, { method: "oidc" }) }, a.meetingId!);
    expect(ctx.me).toMatchObject({ participantId: a.caseworkerParticipantId, role: "caseworker" });
    expect(ctx.me.actor).toMatchObject({
      kind: "staff",
      userId: a.staff.id,
      authMethod: "oidc",
      roles: ["caseworker"],
      organisationId: expect.any(String),
    });
    const byEmail = await meetingAs({ staffSessionToken: await openStaffSession(a.staff.id) }, a.meetingId!);
    expect(byEmail.me.actor.authMethod).toBe("email-link");
    // A ticket is bound to the staff session it was fetched with.
    const staffSessionToken = await openStaffSession(a.staff.id);
    const ticket = await getMeetingTicket({
      who: await actorsOf({ staffSessionToken }),
      meetingId: a.meetingId!,
      wsOrigin: "ws://localhost:3000",
    });
    expect(verifyTicket(ticket.params.ticket, ticket.room)).toMatchObject({
      participantId: a.caseworkerParticipantId,
      session: expect.stringMatching(/^staff:/),
      readOnly: false,
    });
    // Another staff member's session is that staff member, who is not on this case.
    const stranger = await staffCaseFixture("room.stranger@kommune.example");
    const foreign = await openStaffSession(stranger.staff.id);
    await expect(
      getMeetingTicket({ who: await actorsOf({ staffSessionToken: foreign }), meetingId: a.meetingId!, wsOrigin: "ws://localhost:3000" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses a staff member who is not on the meeting's case (403), and an unknown meeting (404)", async () => {
    const a = await staffCaseFixture("room.a@kommune.example");
    const b = await staffCaseFixture("room.b@kommune.example");
    const bSession = { staffSessionToken: await openStaffSession(b.staff.id) };
    await expect(meetingAs(bSession, a.meetingId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getMeetingTicket({ who: await actorsOf(bSession), meetingId: a.meetingId!, wsOrigin: "ws://x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      meetingAs({ staffSessionToken: await openStaffSession(a.staff.id) }, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("uses a join-link session of this case first, and marks it as a join link", async () => {
    const f = await createFixtureCase();
    const s = await openJoinLink({ token: f.participants.employee.joinToken, ip: null, userAgent: null });
    const ctx = await meetingAs(s.sessionToken, f.meetingId);
    expect(ctx.me).toMatchObject({ role: "employee" });
    expect(ctx.me.actor).toMatchObject({ kind: "participant", authMethod: "join-link", roles: [] });
  });

  it("falls back to the staff session when the participant session belongs to another case", async () => {
    const a = await staffCaseFixture("room.both@kommune.example");
    const other = await createFixtureCase();
    const s = await openJoinLink({ token: other.participants.manager.joinToken, ip: null, userAgent: null });
    const ctx = await meetingAs(
      { participantSessionToken: s.sessionToken, staffSessionToken: await openStaffSession(a.staff.id) },
      a.meetingId!,
    );
    expect(ctx.me).toMatchObject({ role: "caseworker", participantId: a.caseworkerParticipantId });
    await expect(meetingAs({ participantSessionToken: s.sessionToken }, a.meetingId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
