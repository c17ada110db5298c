import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loadStoredDocument } from "@/db/queries/collab";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { openJoinLink } from "../access/open-join-link";
import { newToken } from "../access/tokens";
import { getMeetingTicket } from "../meetings/get-meeting-ticket";
import { issueTicket } from "../tickets/collab-ticket";
import { meetingDocName, prepDocName } from "../collab/doc-names";
import { readPrepDoc } from "../collab/prep-read";
import { ROLES, type Role } from "../plan/roles";
import { authorizeCollabConnection } from "./authorize-connection";
import { loadDocument } from "./load-document";
import { actorsOf } from "../testing/actors";

/**
 * The whole role × document × read/write matrix, through the ticket use-case (what the browser
 * asks) and authorizeCollabConnection (what the socket server asks before any frame).
 */
let tdb: TestDatabase;
let a: FixtureCase;
let b: FixtureCase;
const sessions = {} as Record<Role, string>;
const ws = "ws://localhost:3000";

beforeAll(async () => {
  tdb = await createTestDatabase();
  a = await createFixtureCase();
  b = await createFixtureCase();
  for (const role of ROLES) {
    sessions[role] = (await openJoinLink({ token: a.participants[role].joinToken, ip: null, userAgent: null })).sessionToken;
  }
});
afterAll(async () => {
  await tdb.drop();
});

const ticket = async (role: Role, doc?: string) =>
  getMeetingTicket({ who: await actorsOf({ participantSessionToken: sessions[role] }), meetingId: a.meetingId, wsOrigin: ws, doc });

/** What docs/permissions.md says: [may read, may write]. */
const EXPECTED: Record<"meeting" | "prep", Record<Role, [boolean, boolean]>> = {
  meeting: {
    caseworker: [true, true],
    employee: [true, true],
    manager: [true, true],
    union_rep: [true, true],
    observer: [true, false],
    doctor: [false, false],
  },
  prep: {
    caseworker: [true, true],
    employee: [true, true],
    manager: [false, false],
    union_rep: [false, false],
    observer: [false, false],
    doctor: [false, false],
  },
};

describe("the role × document × read/write matrix", () => {
  for (const doc of ["meeting", "prep"] as const) {
    for (const role of ROLES) {
      const [read, write] = EXPECTED[doc][role];
      it(`${role} ${read ? (write ? "reads and writes" : "only reads") : "never receives"} the ${doc} document`, async () => {
        const room = doc === "prep" ? prepDocName(a.caseId) : meetingDocName(a.meetingId);
        if (!read) {
          await expect(ticket(role, doc)).rejects.toMatchObject({ code: "FORBIDDEN" });
          // Even a genuine ticket for that very document (as if issued by mistake) is refused.
          const forged = issueTicket(
            { doc: room, participantId: a.participants[role].id, session: a.participants[role].session, readOnly: true },
            60,
          );
          await expect(authorizeCollabConnection({ room, ticket: forged })).rejects.toMatchObject({ code: "FORBIDDEN" });
          return;
        }
        const answer = await ticket(role, doc);
        expect(answer).toEqual({
          url: `${ws}/collab`,
          room,
          params: { ticket: expect.any(String) },
          readOnly: !write,
          meetingCompleted: false,
          closedReason: null,
        });
        const principal = await authorizeCollabConnection({ room, ticket: answer.params.ticket });
        expect(principal).toMatchObject({ participantId: a.participants[role].id, caseId: a.caseId, role, readOnly: !write });
      });
    }
  }

  it("keeps a read-only ticket read-only on the preparation, whoever holds it", async () => {
    const t = issueTicket(
      { doc: prepDocName(a.caseId), participantId: a.participants.employee.id, session: a.participants.employee.session, readOnly: true },
      60,
    );
    expect(await authorizeCollabConnection({ room: prepDocName(a.caseId), ticket: t })).toMatchObject({ readOnly: true });
  });
});

describe("getMeetingTicket ?doc=", () => {
  it("answers 401 before looking at the input", async () => {
    await expect(
      getMeetingTicket({ who: await actorsOf({ participantSessionToken: undefined }), meetingId: a.meetingId, wsOrigin: ws, doc: "bogus" }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(
      getMeetingTicket({ who: await actorsOf({ participantSessionToken: newToken() }), meetingId: a.meetingId, wsOrigin: ws, doc: "prep" }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("answers 400 for a document kind that does not exist", async () => {
    for (const doc of ["bogus", "", "PREP", "prep-x", 1]) {
      await expect(
        getMeetingTicket({
          who: await actorsOf({ participantSessionToken: sessions.employee }),
          meetingId: a.meetingId,
          wsOrigin: ws,
          doc,
        }),
      ).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
    }
  });

  it("answers 403 to the employee of another case asking for this meeting's preparation", async () => {
    const other = await openJoinLink({ token: b.participants.employee.joinToken, ip: null, userAgent: null });
    await expect(
      getMeetingTicket({
        who: await actorsOf({ participantSessionToken: other.sessionToken }),
        meetingId: a.meetingId,
        wsOrigin: ws,
        doc: "prep",
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("defaults to the shared meeting document", async () => {
    expect((await ticket("manager")).room).toBe(meetingDocName(a.meetingId));
  });

  it("creates the case's preparation with its fixed containers when first needed, once", async () => {
    const c = await createFixtureCase();
    const db = await getDb();
    expect(await loadStoredDocument(db, prepDocName(c.caseId))).toBeNull();
    // A refused request creates nothing.
    const manager = await openJoinLink({ token: c.participants.manager.joinToken, ip: null, userAgent: null });
    await expect(
      getMeetingTicket({
        who: await actorsOf({ participantSessionToken: manager.sessionToken }),
        meetingId: c.meetingId,
        wsOrigin: ws,
        doc: "prep",
      }),
    ).rejects.toThrow();
    expect(await loadStoredDocument(db, prepDocName(c.caseId))).toBeNull();

    const employee = await openJoinLink({ token: c.participants.employee.joinToken, ip: null, userAgent: null });
    const caseworker = await openJoinLink({ token: c.participants.caseworker.joinToken, ip: null, userAgent: null });
    const [x, y] = await Promise.all([
      getMeetingTicket({
        who: await actorsOf({ participantSessionToken: employee.sessionToken }),
        meetingId: c.meetingId,
        wsOrigin: ws,
        doc: "prep",
      }),
      getMeetingTicket({
        who: await actorsOf({ participantSessionToken: caseworker.sessionToken }),
        meetingId: c.meetingId,
        wsOrigin: ws,
        doc: "prep",
      }),
    ]);
    expect(x.room).toBe(prepDocName(c.caseId));
    expect(y.room).toBe(x.room);
    const loaded = await loadDocument(x.room);
    expect(readPrepDoc(loaded!.doc)).toEqual({ schemaVersion: 1, notes: { company: "", employee: "", health: "" }, sharing: [] });
    expect([...loaded!.doc.share.keys()].every((k) => ["meta", "notes", "sharing"].includes(k))).toBe(true);
    expect(loaded!.doc.getMap("plan").size).toBe(0);
    // The shared meeting document got nothing of it.
    const meeting = await loadDocument(meetingDocName(c.meetingId));
    expect(meeting!.doc.share.has("notes")).toBe(false);
    expect(Y.encodeStateAsUpdate(loaded!.doc).byteLength).toBeGreaterThan(0);
  });
});

describe("authorizeCollabConnection on the preparation", () => {
  const room = () => prepDocName(a.caseId);

  it("refuses a forged or garbage ticket as unauthenticated", async () => {
    const good = (await ticket("employee", "prep")).params.ticket;
    await expect(authorizeCollabConnection({ room: room(), ticket: `${good.split(".")[0]}.AAAA` })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(authorizeCollabConnection({ room: room(), ticket: "garbage" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authorizeCollabConnection({ room: room(), ticket: undefined })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // A forged ticket naming another document tells us nothing about who is knocking.
    const [, mac] = good.split(".");
    const fake = Buffer.from(
      JSON.stringify({ v: 1, d: meetingDocName(a.meetingId), p: a.participants.manager.id, r: 0, e: 9e9, n: "x" }),
    ).toString("base64url");
    await expect(authorizeCollabConnection({ room: room(), ticket: `${fake}.${mac}` })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses an expired ticket", async () => {
    const expired = issueTicket(
      { doc: room(), participantId: a.participants.employee.id, session: a.participants.employee.session, readOnly: false },
      60,
      Date.now() - 120_000,
    );
    await expect(authorizeCollabConnection({ room: room(), ticket: expired })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses a shared-document ticket replayed on the preparation: FORBIDDEN for roles that may never read it", async () => {
    // A role that gets no shared-document ticket (the treating doctor) has none to replay.
    for (const role of ROLES.filter((r) => EXPECTED.meeting[r][0])) {
      const shared = (await ticket(role)).params.ticket;
      const expected = EXPECTED.prep[role][0] ? "UNAUTHENTICATED" : "FORBIDDEN";
      await expect(authorizeCollabConnection({ room: room(), ticket: shared }), role).rejects.toMatchObject({ code: expected });
    }
  });

  it("refuses a preparation ticket on the shared document, and one case's preparation ticket on another's", async () => {
    const prep = (await ticket("employee", "prep")).params.ticket;
    await expect(authorizeCollabConnection({ room: meetingDocName(a.meetingId), ticket: prep })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(authorizeCollabConnection({ room: prepDocName(b.caseId), ticket: prep })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("refuses a participant of another case even with a genuine ticket for this preparation", async () => {
    const t = issueTicket(
      { doc: room(), participantId: b.participants.employee.id, session: b.participants.employee.session, readOnly: false },
      60,
    );
    await expect(authorizeCollabConnection({ room: room(), ticket: t })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a cross-meeting ticket on the shared document", async () => {
    const t = issueTicket(
      {
        doc: meetingDocName(b.meetingId),
        participantId: b.participants.manager.id,
        session: b.participants.manager.session,
        readOnly: false,
      },
      60,
    );
    await expect(authorizeCollabConnection({ room: meetingDocName(a.meetingId), ticket: t })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const mine = issueTicket(
      {
        doc: meetingDocName(b.meetingId),
        participantId: a.participants.manager.id,
        session: a.participants.manager.session,
        readOnly: false,
      },
      60,
    );
    await expect(authorizeCollabConnection({ room: meetingDocName(b.meetingId), ticket: mine })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses a participant that does not exist", async () => {
    const t = issueTicket(
      { doc: room(), participantId: "00000000-0000-4000-8000-000000000000", session: a.participants.manager.session, readOnly: false },
      60,
    );
    await expect(authorizeCollabConnection({ room: room(), ticket: t })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
