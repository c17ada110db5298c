import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { appendDocumentUpdates } from "@/lib/collab-store/append-updates";
import {
  connectClient,
  destroyAllClients,
  eventually,
  rawClient,
  startHarness,
  ticketFor,
  waitFor,
  waitSynced,
  type Harness,
} from "./test-harness";
import { CloseCode } from "./close-codes";

/**
 * Issue 19: a bounded commit queue. Commits are held back by a gate (the database "slow" at the
 * test's command, not by timing) while writers flood; the queue must stay within its bound
 * (writers are paused, TCP pushes back), newcomers are refused with 4503, and once commits flow
 * again every update is stored and delivered: 0 lost, every room converged.
 */
let tdb: TestDatabase;
const harnesses: Harness[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterEach(async () => {
  destroyAllClients();
  await Promise.all(harnesses.splice(0).map((x) => x.stop()));
});
afterAll(async () => {
  await tdb.drop();
});

/** A harness whose commits wait until `release()`: the database "slow" at the test's command. */
async function heldHarness(opts: Parameters<typeof startHarness>[0]): Promise<{ h: Harness; release(): void }> {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  let held = true;
  const h = await startHarness({
    ...opts,
    deps: {
      append: async (rows) => {
        if (held) await opened;
        await appendDocumentUpdates(rows);
      },
    },
  });
  harnesses.push(h);
  return {
    h,
    release() {
      held = false;
      open();
    },
  };
}

const ROOMS = 3;
const WRITERS_PER_ROOM = 2;
const UPDATES_PER_WRITER = 150;
const MAX_UPDATES = 40;
const MAX_ROOM_UPDATES = 20;

describe("back-pressure", () => {
  it("keeps the commit queue within its bound under a flood, refuses joins meanwhile, and loses nothing", async () => {
    const { h, release } = await heldHarness({
      commitQueueMaxUpdates: MAX_UPDATES,
      commitQueueMaxRoomUpdates: MAX_ROOM_UPDATES,
      updatesPerSecond: 100_000,
      updateBurst: 100_000,
      // Nobody is closed for waiting in this test: the gate stays shut as long as it takes.
      busyCloseMs: 600_000,
    });
    const rooms = await Promise.all(
      Array.from({ length: ROOMS }, async () => {
        const f = await createFixtureCase();
        return { f, room: meetingDocName(f.meetingId) };
      }),
    );
    const writers = rooms.flatMap(({ f, room }) =>
      Array.from({ length: WRITERS_PER_ROOM }, () => connectClient(h, room, ticketFor(f, "caseworker"), { reconnect: false })),
    );
    const probes = rooms.map(({ f, room }) => connectClient(h, room, ticketFor(f, "employee"), { reconnect: false }));
    await waitSynced(...writers, ...probes);

    // The flood: every writer appends its entries as fast as its socket takes them.
    writers.forEach((w, i) => {
      const log = w.doc.getMap("log");
      for (let n = 0; n < UPDATES_PER_WRITER; n++) log.set(`${i}:${n}`, n);
    });

    // Commits are held: the queue fills to its bound and no further.
    await waitFor(() => h.server.stats().pendingWrites >= MAX_UPDATES, "the commit queue to fill", 15_000);
    const s = h.server.stats();
    expect(s.peakPendingWrites).toBeLessThanOrEqual(MAX_UPDATES + 1);
    // Nothing uncommitted reached anyone.
    for (const p of probes) expect(p.doc.getMap("log").size).toBe(0);

    // A newcomer is refused with the retryable "busy" code, before authorisation or any frame.
    const { f, room } = rooms[0]!;
    const late = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticketFor(f, "manager"))}`);
    expect((await late.closed).code).toBe(CloseCode.busy);
    expect(late.frames).toHaveLength(0);
    expect(h.server.stats().refusedJoins).toBe(1);

    release();

    const total = WRITERS_PER_ROOM * UPDATES_PER_WRITER;
    await waitFor(() => probes.every((p) => p.doc.getMap("log").size === total), "every update to reach every room", 60_000);
    expect(h.server.stats().peakPendingWrites).toBeLessThanOrEqual(MAX_UPDATES + 1);
    // Converged, and the database holds all of it.
    for (const [i, { room }] of rooms.entries()) {
      for (const w of writers.slice(i * WRITERS_PER_ROOM, (i + 1) * WRITERS_PER_ROOM)) {
        await waitFor(
          () => Y.encodeStateVector(w.doc).toString() === Y.encodeStateVector(probes[i]!.doc).toString(),
          "writer and probe to converge",
        );
      }
      await eventually(async () => (await loadDocument(room))!.doc.getMap("log").size === total, `room ${i} stored whole`);
    }
    // Joins are welcome again.
    const again = connectClient(h, room, ticketFor(f, "manager"), { reconnect: false });
    await waitSynced(again);
    expect(again.doc.getMap("log").size).toBe(total);
  });

  it("tells a writer held back longer than busyCloseMs to come back (4503); its reconnect sends what it kept", async () => {
    const { h, release } = await heldHarness({ commitQueueMaxRoomUpdates: 2, busyCloseMs: 1 });
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    const w = connectClient(h, room, ticketFor(f, "caseworker"));
    await waitSynced(w);
    const log = w.doc.getMap("log");
    for (let n = 0; n < 10; n++) log.set(`k${n}`, n);
    await waitFor(() => w.closes.includes(CloseCode.busy), "the held writer to be told busy");
    release();
    // The stock client reconnects on 4503 (not a 44xx refusal) and sends everything it kept.
    await eventually(async () => (await loadDocument(room))!.doc.getMap("log").size === 10, "every kept edit stored", 20_000);
  });
});
