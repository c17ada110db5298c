import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { openJoinLink } from "./open-join-link";
import { createJoinLink } from "./create-join-link";
import { newToken } from "./tokens";
import { getMeetingTicket } from "../meetings/get-meeting-ticket";
import { verifyTicket, issueTicket } from "../tickets/collab-ticket";
import { authorizeCollabConnection } from "../collab-store/authorize-connection";
import { meetingDocName } from "../collab/doc-names";
import { actorsOf, meetingAs } from "../testing/actors";

let tdb: TestDatabase;
let a: FixtureCase;
let b: FixtureCase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  a = await createFixtureCase();
  b = await createFixtureCase();
});
afterAll(async () => {
  await tdb.drop();
});

const ws = "ws://localhost:3000";

describe("openJoinLink", () => {
  it("refuses a malformed or unknown token as not found", async () => {
    await expect(openJoinLink({ token: "nope", ip: null, userAgent: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openJoinLink({ token: newToken(), ip: null, userAgent: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an expired link as gone", async () => {
    const link = await createJoinLink({ participantId: a.participants.manager.id, meetingId: a.meetingId, ttlDays: 1 });
    const later = new Date(Date.now() + 2 * 86_400_000);
    await expect(openJoinLink({ token: link.token, ip: null, userAgent: null, now: later })).rejects.toMatchObject({ code: "GONE" });
  });

  it("refuses a single-use link the second time", async () => {
    const link = await createJoinLink({ participantId: a.participants.manager.id, meetingId: a.meetingId, reusable: false });
    await openJoinLink({ token: link.token, ip: null, userAgent: null });
    await expect(openJoinLink({ token: link.token, ip: null, userAgent: null })).rejects.toMatchObject({ code: "GONE" });
  });

  it("opens a session for the link's participant and meeting", async () => {
    const opened = await openJoinLink({ token: a.participants.employee.joinToken, ip: "127.0.0.1", userAgent: "test" });
    expect(opened.meetingId).toBe(a.meetingId);
    const ctx = await meetingAs(opened.sessionToken, a.meetingId);
    expect(ctx.me.role).toBe("employee");
  });
});

describe("getMeetingTicket", () => {
  it("answers 401 without a session", async () => {
    await expect(
      getMeetingTicket({ who: await actorsOf({ participantSessionToken: undefined }), meetingId: a.meetingId, wsOrigin: ws }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(
      getMeetingTicket({ who: await actorsOf({ participantSessionToken: newToken() }), meetingId: a.meetingId, wsOrigin: ws }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("answers 403 to a participant of another case", async () => {
    const other = await openJoinLink({ token: b.participants.manager.joinToken, ip: null, userAgent: null });
    await expect(
      getMeetingTicket({ who: await actorsOf({ participantSessionToken: other.sessionToken }), meetingId: a.meetingId, wsOrigin: ws }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("answers 404 for a meeting that does not exist", async () => {
    const s = await openJoinLink({ token: a.participants.manager.joinToken, ip: null, userAgent: null });
    await expect(
      getMeetingTicket({
        who: await actorsOf({ participantSessionToken: s.sessionToken }),
        meetingId: "00000000-0000-4000-8000-000000000000",
        wsOrigin: ws,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("issues a ticket bound to this meeting's document and participant", async () => {
    const s = await openJoinLink({ token: a.participants.manager.joinToken, ip: null, userAgent: null });
    const answer = await getMeetingTicket({
      who: await actorsOf({ participantSessionToken: s.sessionToken }),
      meetingId: a.meetingId,
      wsOrigin: ws,
    });
    expect(answer.url).toBe("ws://localhost:3000/collab");
    expect(answer.room).toBe(meetingDocName(a.meetingId));
    const claims = verifyTicket(answer.params.ticket, answer.room);
    expect(claims).toMatchObject({
      participantId: a.participants.manager.id,
      session: expect.stringMatching(/^participant:/),
      readOnly: false,
    });
    expect(claims.session).not.toBe(a.participants.manager.session);
    expect(() => verifyTicket(answer.params.ticket, meetingDocName(b.meetingId))).toThrow(/another document/);
  });

  it("issues observers a read-only ticket", async () => {
    const s = await openJoinLink({ token: a.participants.observer.joinToken, ip: null, userAgent: null });
    const answer = await getMeetingTicket({
      who: await actorsOf({ participantSessionToken: s.sessionToken }),
      meetingId: a.meetingId,
      wsOrigin: ws,
    });
    expect(verifyTicket(answer.params.ticket, answer.room).readOnly).toBe(true);
  });
});

describe("collaboration tickets", () => {
  it("refuse forged, expired and tampered tickets", () => {
    const room = meetingDocName(a.meetingId);
    const t = issueTicket(
      { doc: room, participantId: a.participants.manager.id, session: a.participants.manager.session, readOnly: false },
      60,
    );
    const [payload, mac] = t.split(".");
    expect(payload).toBeTruthy();
    const forged = Buffer.from(JSON.stringify({ v: 1, d: room, p: "someone-else", r: 0, e: 9e9 })).toString("base64url");
    expect(() => verifyTicket(`${forged}.${mac}`, room)).toThrow(/signature/);
    expect(() => verifyTicket(t, room, Date.now() + 61_000)).toThrow(/expired/);
    expect(() => verifyTicket(undefined, room)).toThrow(/no ticket/);
  });

  it("are re-checked against the participant's case when a socket opens", async () => {
    const room = meetingDocName(a.meetingId);
    const foreign = issueTicket(
      { doc: room, participantId: b.participants.manager.id, session: b.participants.manager.session, readOnly: false },
      60,
    );
    await expect(authorizeCollabConnection({ room, ticket: foreign })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const own = issueTicket(
      { doc: room, participantId: a.participants.caseworker.id, session: a.participants.caseworker.session, readOnly: false },
      60,
    );
    await expect(authorizeCollabConnection({ room, ticket: own })).resolves.toMatchObject({ role: "caseworker", readOnly: false });
  });
});
