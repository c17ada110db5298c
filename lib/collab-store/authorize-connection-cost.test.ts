import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, participantSessions, users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { staffCaseFixture } from "../cases/testing";
import { openStaffSession, useTempDataDir } from "../auth/testing";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { endParticipantSession } from "../access/end-participant-session";
import { closeRevocationBus } from "../access/revocation-bus";
import { staffSessionRef, type SessionRef } from "../access/session-ref";
import { storedSessionToken } from "../access/session-token";
import { completeMeeting } from "../meetings/complete-meeting";
import { removeParticipant } from "../cases/remove-participant";
import { inviteParticipant } from "../invites/invite-participant";
import { meetingDocName, prepDocName } from "../collab/doc-names";
import { issueTicket } from "../tickets/collab-ticket";
import { actorsOf, staffWho } from "../testing/actors";
import { authorizeCollabConnection } from "./authorize-connection";
import { loadDocument } from "./load-document";

/**
 * Issue 19: a reconnect storm after a restart re-authorises thousands of sockets at once, and each
 * cold check used to cost five scoped statements. Now: the document's organisation once per
 * document and process, then ONE statement per socket — and every refusal it made before.
 */
let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await closeRevocationBus();
  await tdb.drop();
});

/** What `fn` cost the database, in statements (db/client.ts counts every one the application sends). */
async function cost<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const before = tdb.handle.statements();
  const value = await fn();
  return { value, statements: tdb.handle.statements() - before };
}

const ticket = (room: string, participantId: string, session: SessionRef, readOnly = false) =>
  issueTicket({ doc: room, participantId, session, readOnly }, 60);

const authorize = (room: string, participantId: string, session: SessionRef, readOnly = false) =>
  authorizeCollabConnection({ room, ticket: ticket(room, participantId, session, readOnly) });

describe("what a cold socket authorisation costs the database", () => {
  it("is two statements for a document not seen before (its organisation, then the check), one after", async () => {
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    const first = await cost(() => authorize(room, f.participants.manager.id, f.participants.manager.session));
    expect(first.value).toMatchObject({ participantId: f.participants.manager.id, organisationId: f.organisationId });
    expect(first.statements).toBeLessThanOrEqual(2);
    for (const role of ["employee", "union_rep", "observer"] as const) {
      const next = await cost(() => authorize(room, f.participants[role].id, f.participants[role].session));
      expect(next.value).toMatchObject({ participantId: f.participants[role].id, role });
      expect(next.statements).toBeLessThanOrEqual(1);
    }
  });

  it("is one statement for a caseworker signed in as staff, and on the preparation", async () => {
    const a = await staffCaseFixture(`cost.${randomUUID()}@kommune.example`);
    const session = staffSessionRef(storedSessionToken(await openStaffSession(a.staff.id)));
    const room = meetingDocName(a.meetingId!);
    await authorize(room, a.caseworkerParticipantId, session);
    const again = await cost(() => authorize(room, a.caseworkerParticipantId, session));
    expect(again.value).toMatchObject({ participantId: a.caseworkerParticipantId, role: "caseworker", readOnly: false });
    expect(again.statements).toBeLessThanOrEqual(1);
    const prep = prepDocName(a.caseId);
    await authorize(prep, a.caseworkerParticipantId, session);
    const onPrep = await cost(() => authorize(prep, a.caseworkerParticipantId, session));
    expect(onPrep.value).toMatchObject({ caseId: a.caseId, readOnly: false });
    expect(onPrep.statements).toBeLessThanOrEqual(1);
  });

  it("loads a room without asking its organisation again once it is known", async () => {
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    const cold = await cost(() => loadDocument(room));
    const warm = await cost(() => loadDocument(room));
    expect(warm.value?.organisationId).toBe(f.organisationId);
    expect(cold.statements - warm.statements).toBe(1);
  });
});

describe("what the one statement still refuses", () => {
  let f: FixtureCase;
  let other: FixtureCase;
  beforeAll(async () => {
    f = await createFixtureCase();
    // Another case of the same organisation: its rows are visible in the scope the room enters.
    other = await createFixtureCase({ organisationId: f.organisationId });
  });
  const room = () => meetingDocName(f.meetingId);

  it("a participant of another case, or one that does not exist: FORBIDDEN", async () => {
    const stranger = other.participants.manager;
    await expect(authorize(room(), stranger.id, stranger.session)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "not this case's document",
    });
    await expect(authorize(room(), randomUUID(), f.participants.manager.session)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "participant is no longer on the case",
    });
  });

  it("the preparation of another case: FORBIDDEN", async () => {
    const e = f.participants.employee;
    await expect(authorize(prepDocName(other.caseId), e.id, e.session)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "not this case's document",
    });
  });

  it("a room that is no document of ours: FORBIDDEN", async () => {
    const e = f.participants.employee;
    await expect(authorize(meetingDocName(randomUUID()), e.id, e.session)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a role that may not read the document: FORBIDDEN", async () => {
    const d = f.participants.doctor;
    await expect(authorize(room(), d.id, d.session)).rejects.toMatchObject({ code: "FORBIDDEN", message: "may not read this document" });
  });

  it("another participant's session, a revoked one, an expired one: UNAUTHENTICATED", async () => {
    const g = await createFixtureCase();
    const r = meetingDocName(g.meetingId);
    const [m, e, u] = [g.participants.manager, g.participants.employee, g.participants.union_rep];
    await expect(authorize(r, m.id, e.session)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "the session this ticket was fetched with has ended",
    });
    await endParticipantSession(m.sessionToken);
    await expect(authorize(r, m.id, m.session)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const db = await getDb();
    await db
      .update(participantSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(participantSessions.id, u.session.slice("participant:".length)));
    await expect(authorize(r, u.id, u.session)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // A session reference that names no session at all.
    await expect(authorize(r, e.id, "participant:not-a-uuid")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authorize(r, e.id, e.session)).resolves.toMatchObject({ participantId: e.id });
  });

  it("a staff session of another user, an expired one, or of a deactivated user: UNAUTHENTICATED", async () => {
    const a = await staffCaseFixture(`staff.${randomUUID()}@kommune.example`);
    const r = meetingDocName(a.meetingId!);
    const someoneElse = await provisionCaseworker({ email: `else.${randomUUID()}@kommune.example` });
    const theirs = staffSessionRef(storedSessionToken(await openStaffSession(someoneElse.id)));
    await expect(authorize(r, a.caseworkerParticipantId, theirs)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const expired = staffSessionRef(storedSessionToken(await openStaffSession(a.staff.id, { ttlMs: -1000 })));
    await expect(authorize(r, a.caseworkerParticipantId, expired)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const own = staffSessionRef(storedSessionToken(await openStaffSession(a.staff.id)));
    await expect(authorize(r, a.caseworkerParticipantId, own)).resolves.toMatchObject({ role: "caseworker" });
    await (await getDb()).update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, a.staff.id));
    await expect(authorize(r, a.caseworkerParticipantId, own)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a removed participant: FORBIDDEN, before the session is looked at", async () => {
    const a = await staffCaseFixture(`remove.${randomUUID()}@kommune.example`);
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "manager", displayName: "Lars" },
      baseUrl: "http://x",
      locale: "da",
    });
    await removeParticipant({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { participantId: issued.participantId } });
    await expect(authorize(meetingDocName(a.meetingId!), issued.participantId, `participant:${randomUUID()}`)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "participant is no longer on the case",
    });
  });

  it("a completed meeting's room and a closed case's preparation: served read-only, closed for good", async () => {
    const g = await createFixtureCase();
    const e = g.participants.employee;
    expect(await authorize(meetingDocName(g.meetingId), e.id, e.session)).toMatchObject({ readOnly: false, meetingCompleted: false });
    await completeMeeting({
      who: await actorsOf({ participantSessionToken: g.participants.caseworker.sessionToken }),
      meetingId: g.meetingId,
    });
    expect(await authorize(meetingDocName(g.meetingId), e.id, e.session)).toMatchObject({ readOnly: true, meetingCompleted: true });
    expect(await authorize(prepDocName(g.caseId), e.id, e.session)).toMatchObject({ readOnly: false, meetingCompleted: false });
    await (
      await getDb()
    )
      .update(cases)
      .set({ state: "closed", outcome: "full_return", closedOn: "2026-01-05" })
      .where(eq(cases.id, g.caseId));
    expect(await authorize(prepDocName(g.caseId), e.id, e.session)).toMatchObject({ readOnly: true, meetingCompleted: true });
  });

  it("a read-only ticket stays read-only", async () => {
    const m = f.participants.manager;
    expect(await authorize(room(), m.id, m.session, true)).toMatchObject({ readOnly: true, meetingCompleted: false });
  });
});
