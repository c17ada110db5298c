import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listAccessLogForCase } from "@/db/queries/access-log";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { openJoinLink } from "../access/open-join-link";
import { authorizeCollabConnection } from "../collab-store/authorize-connection";
import { meetingDocName, prepDocName } from "../collab/doc-names";
import { getMeetingTicket } from "../meetings/get-meeting-ticket";
import { requireMeetingParticipant } from "../meetings/require-meeting-participant";
import { issueTicket } from "../tickets/collab-ticket";
import type { Role } from "../plan/roles";
import { listAccessLog } from "./list-access-log";
import { recordAccess } from "./record-access";
import { recordDocumentOpened } from "./record-document-opened";
import { recordMeetingRoomShown } from "./record-meeting-room-shown";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const rows = async (caseId: string) => listAccessLogForCase(await getDb(), { caseId, limit: 1000 });
const viewer = (f: FixtureCase, role: Role) => ({ kind: "participant" as const, id: f.participants[role].id, role, caseId: f.caseId });
const ws = "ws://localhost:3000";

describe("recordAccess", () => {
  it("appends one row with who, whose, what, why and when", async () => {
    const f = await createFixtureCase();
    const before = Date.now();
    await recordAccess({
      who: { kind: "staff", id: "user-1", name: "Mette Caseworker", role: "caseworker" },
      caseId: f.caseId,
      what: "agreement_pdf",
      resourceId: "agreement-7",
      purpose: "export",
    });
    const [row] = await rows(f.caseId);
    expect(row).toMatchObject({
      caseId: f.caseId,
      actorKind: "staff",
      actorId: "user-1",
      actorName: "Mette Caseworker",
      actorRole: "caseworker",
      what: "agreement_pdf",
      resourceId: "agreement-7",
      purpose: "export",
    });
    expect(row!.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("refuses an entry it could not explain to the employee, writing nothing", async () => {
    const f = await createFixtureCase();
    const who = { kind: "participant" as const, id: f.participants.manager.id, name: "M", role: "manager" };
    await expect(recordAccess({ who, caseId: f.caseId, what: "diagnosis" as never, purpose: "meeting" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(recordAccess({ who, caseId: f.caseId, what: "meeting_room", purpose: "curiosity" as never })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(recordAccess({ who, caseId: "not-a-case", what: "meeting_room", purpose: "meeting" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await rows(f.caseId)).toEqual([]);
  });
});

describe("rows per showing, none for denials", () => {
  it("writes one meeting_room row per page render", async () => {
    const f = await createFixtureCase();
    const s = await openJoinLink({ token: f.participants.manager.joinToken, ip: null, userAgent: null });
    const ctx = await requireMeetingParticipant(s.sessionToken, f.meetingId);
    await recordMeetingRoomShown(ctx);
    await recordMeetingRoomShown(ctx);
    const r = await rows(f.caseId);
    expect(r).toHaveLength(2);
    expect(r.every((x) => x.what === "meeting_room" && x.purpose === "meeting" && x.resourceId === f.meetingId && x.actorRole === "manager")).toBe(true);
  });

  it("writes one row per document opened after authorisation: meeting_doc and prep_doc", async () => {
    const f = await createFixtureCase();
    const s = await openJoinLink({ token: f.participants.employee.joinToken, ip: null, userAgent: null });
    for (const doc of ["meeting", "prep"] as const) {
      const answer = await getMeetingTicket({ sessionToken: s.sessionToken, meetingId: f.meetingId, wsOrigin: ws, doc });
      const principal = await authorizeCollabConnection({ room: answer.room, ticket: answer.params.ticket });
      await recordDocumentOpened(principal, answer.room);
    }
    const r = await rows(f.caseId);
    expect(r.map((x) => [x.what, x.purpose, x.resourceId, x.actorId]).sort()).toEqual(
      [
        ["meeting_doc", "meeting", f.meetingId, f.participants.employee.id],
        ["prep_doc", "preparation", f.caseId, f.participants.employee.id],
      ].sort(),
    );
  });

  it("writes nothing for refused tickets and refused sockets", async () => {
    const f = await createFixtureCase();
    const s = await openJoinLink({ token: f.participants.manager.joinToken, ip: null, userAgent: null });
    await expect(getMeetingTicket({ sessionToken: s.sessionToken, meetingId: f.meetingId, wsOrigin: ws, doc: "prep" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const t = issueTicket({ doc: prepDocName(f.caseId), participantId: f.participants.manager.id, session: f.participants.manager.session, readOnly: true }, 60);
    await expect(authorizeCollabConnection({ room: prepDocName(f.caseId), ticket: t })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(authorizeCollabConnection({ room: meetingDocName(f.meetingId), ticket: "garbage" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await rows(f.caseId)).toEqual([]);
  });

  it("ignores a room name that is no document", async () => {
    const f = await createFixtureCase();
    await recordDocumentOpened(
      { participantId: f.participants.employee.id, session: f.participants.employee.session, caseId: f.caseId, role: "employee", displayName: "E", colorIndex: 0, readOnly: false, meetingCompleted: false },
      "not-a-room",
    );
    expect(await rows(f.caseId)).toEqual([]);
  });
});

describe("listAccessLog", () => {
  let f: FixtureCase;
  let other: FixtureCase;
  beforeAll(async () => {
    f = await createFixtureCase();
    other = await createFixtureCase();
    for (const role of ["manager", "employee", "caseworker"] as const) {
      const s = await openJoinLink({ token: f.participants[role].joinToken, ip: null, userAgent: null });
      await recordMeetingRoomShown(await requireMeetingParticipant(s.sessionToken, f.meetingId));
    }
    const o = await openJoinLink({ token: other.participants.manager.joinToken, ip: null, userAgent: null });
    await recordMeetingRoomShown(await requireMeetingParticipant(o.sessionToken, other.meetingId));
  });

  it("shows the employee who has seen their data, newest first, their own visits only on request", async () => {
    const all = await listAccessLog({ viewer: viewer(f, "employee"), caseId: f.caseId, includeMine: true });
    expect(all.entries.map((e) => e.actor.role)).toEqual(["caseworker", "employee", "manager"]);
    expect(all.entries.find((e) => e.actor.role === "employee")!.mine).toBe(true);
    expect(all.entries[0]).toMatchObject({ what: "meeting_room", purpose: "meeting", actor: { kind: "participant", name: "Test caseworker" } });
    const others = await listAccessLog({ viewer: viewer(f, "employee"), caseId: f.caseId, includeMine: false });
    expect(others.entries.map((e) => e.actor.role)).toEqual(["caseworker", "manager"]);
    expect(others.more).toBe(false);
  });

  it("shows the caseworker the log of their case", async () => {
    const r = await listAccessLog({ viewer: viewer(f, "caseworker"), caseId: f.caseId });
    expect(r.entries).toHaveLength(3);
  });

  it("refuses the manager, the union representative and an observer (403)", async () => {
    for (const role of ["manager", "union_rep", "observer"] as const) {
      await expect(listAccessLog({ viewer: viewer(f, role), caseId: f.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("refuses another case's log, even to its employee", async () => {
    await expect(listAccessLog({ viewer: viewer(other, "employee"), caseId: f.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("labels a kind this version does not know as other", async () => {
    const c = await createFixtureCase();
    const { insertAccessLogRow } = await import("@/db/queries/access-log");
    await insertAccessLogRow(await getDb(), {
      caseId: c.caseId,
      actorKind: "participant",
      actorId: "x",
      actorName: "X",
      actorRole: "manager",
      what: "future_kind",
      purpose: "future_purpose",
    });
    const r = await listAccessLog({ viewer: viewer(c, "employee"), caseId: c.caseId });
    expect(r.entries[0]).toMatchObject({ what: "other", purpose: "other" });
  });
});
