import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { authorizeCollabConnection } from "@/lib/collab-store/authorize-connection";
import { recordDocumentOpened } from "@/lib/audit/record-document-opened";
import { listAccessLog } from "@/lib/audit/list-access-log";
import { publishParticipantRevoked, publishSessionEnded } from "@/lib/access/revocation-bus";
import { connectClient, destroyAllClients, eventually, rawClient, startHarness, ticketFor, waitSynced, type Harness } from "./test-harness";
import { CloseCode } from "./close-codes";

/**
 * Issue 19: a warm join is authorised without a database round trip (the answer for the same
 * document, participant and session is remembered), and every access change forgets it at once.
 */
let tdb: TestDatabase;
let h: Harness;
let calls = 0;
let records = 0;
let hold: Promise<void> | null = null;
let held: (() => void) | null = null;

beforeAll(async () => {
  tdb = await createTestDatabase();
  h = await startHarness({
    deps: {
      authorize: async (input) => {
        calls++;
        const p = await authorizeCollabConnection(input);
        if (hold) {
          held?.();
          await hold;
        }
        return p;
      },
      recordOpened: async (p, room) => {
        records++;
        await recordDocumentOpened(p, room);
      },
    },
  });
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await h.stop();
  await tdb.drop();
});

describe("warm joins", () => {
  it("authorises a repeat join of the same person and session from memory, and still logs every open", async () => {
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    const first = connectClient(h, room, ticketFor(f, "employee"), { reconnect: false });
    await waitSynced(first);
    const before = calls;
    for (let i = 0; i < 3; i++) {
      const again = connectClient(h, room, ticketFor(f, "employee"), { reconnect: false });
      await waitSynced(again);
      again.destroy();
    }
    expect(calls).toBe(before);
    // Every open still counts in the access log (repeats off the critical path).
    await eventually(async () => records === 4, "every open recorded");
    const { entries } = await listAccessLog({
      viewer: { kind: "participant", id: f.participants.employee.id, role: "employee", caseId: f.caseId },
      caseId: f.caseId,
    });
    await eventually(async () => {
      const { entries: e } = await listAccessLog({
        viewer: { kind: "participant", id: f.participants.employee.id, role: "employee", caseId: f.caseId },
        caseId: f.caseId,
      });
      return e.filter((x) => x.what === "meeting_doc").reduce((n, x) => n + x.count, 0) === 4;
    }, "four opens on the row");
    expect(entries.length).toBeGreaterThan(0);
    // A forged ticket never hits the memory.
    const forged = rawClient(`${h.url}/${room}?ticket=forged`);
    expect((await forged.closed).code).toBe(CloseCode.unauthenticated);
  });

  it("forgets the answer when the participant is removed or signs out: the next join asks the database again", async () => {
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    const m = connectClient(h, room, ticketFor(f, "manager"), { reconnect: false });
    await waitSynced(m);
    const before = calls;
    await publishSessionEnded({ participantId: f.participants.manager.id });
    const again = connectClient(h, room, ticketFor(f, "manager"), { reconnect: false });
    await waitSynced(again);
    expect(calls).toBe(before + 1);
    await publishParticipantRevoked(f.participants.manager.id);
    const after = connectClient(h, room, ticketFor(f, "manager"), { reconnect: false });
    await waitSynced(after);
    expect(calls).toBe(before + 2);
  });

  it("does not remember an answer that was being fetched when an access change arrived", async () => {
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    let release!: () => void;
    hold = new Promise<void>((r) => (release = r));
    const inFlight = new Promise<void>((r) => (held = r));
    const raced = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticketFor(f, "union_rep"))}`);
    // The database has answered "live"; the answer is on its way back when the session ends.
    await inFlight;
    await publishSessionEnded({ participantId: f.participants.union_rep.id });
    hold = null;
    held = null;
    release();
    // The socket itself hears the event while authorising and is refused (connection.ts).
    expect((await raced.closed).code).toBe(CloseCode.unauthenticated);
    const before = calls;
    const next = connectClient(h, room, ticketFor(f, "union_rep"), { reconnect: false });
    await waitSynced(next);
    expect(calls).toBe(before + 1);
  });
});
