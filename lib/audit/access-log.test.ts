import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listAccessLogForCase } from "@/db/queries/access-log";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { openJoinLink } from "../access/open-join-link";
import { authorizeCollabConnection } from "../collab-store/authorize-connection";
import { meetingDocName, prepDocName } from "../collab/doc-names";
import { getMeetingTicket } from "../meetings/get-meeting-ticket";
import { issueTicket } from "../tickets/collab-ticket";
import type { Role } from "../plan/roles";
import { listAccessLog } from "./list-access-log";
import { recordAccess } from "./record-access";
import { recordDocumentOpened } from "./record-document-opened";
import { recordMeetingRoomShown } from "./record-meeting-room-shown";
import { parseAccessLogQuery, ACCESS_LOG_PAGE_SIZE } from "./list-access-log";
import { recordRepeatedAccess, ACCESS_REPEAT_WINDOW_MS } from "./record-repeated-access";
import { actorsOf, meetingAs } from "../testing/actors";

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
    await expect(recordAccess({ who, caseId: f.caseId, what: "diagnosis" as never, purpose: "meeting" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(recordAccess({ who, caseId: f.caseId, what: "meeting_room", purpose: "curiosity" as never })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(recordAccess({ who, caseId: "not-a-case", what: "meeting_room", purpose: "meeting" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await rows(f.caseId)).toEqual([]);
  });
});

describe("rows per showing, none for denials", () => {
  it("writes one meeting_room row per page render", async () => {
    const f = await createFixtureCase();
    const s = await openJoinLink({ token: f.participants.manager.joinToken, ip: null, userAgent: null });
    const ctx = await meetingAs(s.sessionToken, f.meetingId);
    await recordMeetingRoomShown(ctx);
    await recordMeetingRoomShown(ctx);
    const r = await rows(f.caseId);
    expect(r).toHaveLength(2);
    expect(
      r.every((x) => x.what === "meeting_room" && x.purpose === "meeting" && x.resourceId === f.meetingId && x.actorRole === "manager"),
    ).toBe(true);
  });

  it("writes one row per document opened after authorisation: meeting_doc and prep_doc", async () => {
    const f = await createFixtureCase();
    const s = await openJoinLink({ token: f.participants.employee.joinToken, ip: null, userAgent: null });
    for (const doc of ["meeting", "prep"] as const) {
      const answer = await getMeetingTicket({
        who: await actorsOf({ participantSessionToken: s.sessionToken }),
        meetingId: f.meetingId,
        wsOrigin: ws,
        doc,
      });
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
    await expect(
      getMeetingTicket({
        who: await actorsOf({ participantSessionToken: s.sessionToken }),
        meetingId: f.meetingId,
        wsOrigin: ws,
        doc: "prep",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const t = issueTicket(
      { doc: prepDocName(f.caseId), participantId: f.participants.manager.id, session: f.participants.manager.session, readOnly: true },
      60,
    );
    await expect(authorizeCollabConnection({ room: prepDocName(f.caseId), ticket: t })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(authorizeCollabConnection({ room: meetingDocName(f.meetingId), ticket: "garbage" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await rows(f.caseId)).toEqual([]);
  });

  it("ignores a room name that is no document", async () => {
    const f = await createFixtureCase();
    await recordDocumentOpened(
      {
        participantId: f.participants.employee.id,
        session: f.participants.employee.session,
        caseId: f.caseId,
        organisationId: f.organisationId,
        role: "employee",
        displayName: "E",
        colorIndex: 0,
        readOnly: false,
        meetingCompleted: false,
      },
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
      await recordMeetingRoomShown(await meetingAs(s.sessionToken, f.meetingId));
    }
    const o = await openJoinLink({ token: other.participants.manager.joinToken, ip: null, userAgent: null });
    await recordMeetingRoomShown(await meetingAs(o.sessionToken, other.meetingId));
  });

  it("shows the employee who has seen their data, newest first, their own visits only on request", async () => {
    const all = await listAccessLog({ viewer: viewer(f, "employee"), caseId: f.caseId, includeMine: true });
    expect(all.entries.map((e) => e.actor.role)).toEqual(["caseworker", "employee", "manager"]);
    expect(all.entries.find((e) => e.actor.role === "employee")!.mine).toBe(true);
    expect(all.entries[0]).toMatchObject({
      what: "meeting_room",
      purpose: "meeting",
      actor: { kind: "participant", name: "Test caseworker" },
    });
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

describe("repeated opens, paging and filters (issue 12.8)", () => {
  const manager = (f: FixtureCase) => ({
    kind: "participant" as const,
    id: f.participants.manager.id,
    name: "Test manager",
    role: "manager",
  });
  const principal = (f: FixtureCase) => ({
    participantId: f.participants.manager.id,
    session: f.participants.manager.session,
    caseId: f.caseId,
    organisationId: f.organisationId,
    role: "manager" as const,
    displayName: "Test manager",
    colorIndex: 2,
    readOnly: false,
    meetingCompleted: false,
  });

  it("attack 12.8: 520 concurrent document opens are one row with a count, and the earlier PDF download stays on the first page", async () => {
    const f = await createFixtureCase();
    await recordAccess({ who: manager(f), caseId: f.caseId, what: "agreement_pdf", resourceId: "agreement-1", purpose: "export" });
    const room = meetingDocName(f.meetingId);
    for (let i = 0; i < 520; i += 40) await Promise.all(Array.from({ length: 40 }, () => recordDocumentOpened(principal(f), room)));
    const page = await listAccessLog({ viewer: viewer(f, "employee"), caseId: f.caseId, includeMine: false });
    expect(page.entries.map((e) => [e.what, e.count])).toEqual([
      ["meeting_doc", 520],
      ["agreement_pdf", 1],
    ]);
    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 2, more: false });
  });

  it("starts a new row once the window since the first open has passed", async () => {
    const f = await createFixtureCase();
    const input = { who: manager(f), caseId: f.caseId, what: "meeting_doc" as const, resourceId: f.meetingId, purpose: "meeting" as const };
    expect(await recordRepeatedAccess(input)).toBe("new");
    expect(await recordRepeatedAccess(input)).toBe("merged");
    expect(await recordRepeatedAccess(input, new Date(Date.now() + ACCESS_REPEAT_WINDOW_MS + 1_000))).toBe("new");
    expect((await rows(f.caseId)).length).toBe(2);
    await expect(recordRepeatedAccess({ ...input, what: "diagnosis" as never })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("pages through every row, newest first, so nothing drops off the end", async () => {
    const f = await createFixtureCase();
    const n = ACCESS_LOG_PAGE_SIZE + 7;
    for (let i = 0; i < n; i++)
      await recordAccess({ who: manager(f), caseId: f.caseId, what: "agreement", resourceId: `a-${i}`, purpose: "agreement" });
    const one = await listAccessLog({ viewer: viewer(f, "caseworker"), caseId: f.caseId });
    const two = await listAccessLog({ viewer: viewer(f, "caseworker"), caseId: f.caseId, page: 2 });
    expect(one).toMatchObject({ page: 1, pageCount: 2, total: n, more: true });
    expect(two).toMatchObject({ page: 2, pageCount: 2, total: n, more: false });
    expect(one.entries).toHaveLength(ACCESS_LOG_PAGE_SIZE);
    const ids = [...one.entries, ...two.entries].map((e) => e.resourceId);
    expect(new Set(ids).size).toBe(n);
    expect(ids[0]).toBe(`a-${n - 1}`);
    expect((await listAccessLog({ viewer: viewer(f, "caseworker"), caseId: f.caseId, page: 3 })).entries).toEqual([]);
  });

  it("filters by kind", async () => {
    const f = await createFixtureCase();
    await recordAccess({ who: manager(f), caseId: f.caseId, what: "agreement_pdf", resourceId: "a", purpose: "export" });
    await recordAccess({ who: manager(f), caseId: f.caseId, what: "agreement_bundle", resourceId: "a", purpose: "export" });
    await recordAccess({ who: manager(f), caseId: f.caseId, what: "agreement", resourceId: "a", purpose: "agreement" });
    const exports = await listAccessLog({ viewer: viewer(f, "employee"), caseId: f.caseId, what: ["agreement_pdf", "agreement_bundle"] });
    expect(exports.entries.map((e) => e.what).sort()).toEqual(["agreement_bundle", "agreement_pdf"]);
    expect(exports.total).toBe(2);
  });
});

describe("parseAccessLogQuery", () => {
  it("reads page, kinds and mine from a query string, with defaults", () => {
    expect(parseAccessLogQuery({})).toEqual({ page: 1, what: [], includeMine: false });
    expect(parseAccessLogQuery({ page: "3", what: "agreement_pdf,agreement_bundle", mine: "1" })).toEqual({
      page: 3,
      what: ["agreement_pdf", "agreement_bundle"],
      includeMine: true,
    });
    expect(parseAccessLogQuery({ what: ["agreement_pdf", "agreement_pdf", ""] }).what).toEqual(["agreement_pdf"]);
  });

  it("refuses a page or kind that does not exist, naming the field (400)", () => {
    for (const [raw, field] of [
      [{ page: "0" }, "page"],
      [{ page: "two" }, "page"],
      [{ page: "1e9" }, "page"],
      [{ what: "diagnosis" }, "what"],
      [{ mine: "yes" }, "mine"],
    ] as const) {
      expect(() => parseAccessLogQuery(raw), JSON.stringify(raw)).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT", details: { [field]: "invalid" } }),
      );
    }
  });
});
