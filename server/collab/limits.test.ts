import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { resetEnvCache } from "@/lib/env";
import { resolveOptions } from "./options";
import {
  awarenessFrame,
  connectClient,
  decodeServerFrame,
  destroyAllClients,
  eventually,
  rawClient,
  standaloneUpdate,
  startHarness,
  syncFrame,
  ticketFor,
  waitFor,
  waitSynced,
  type Harness,
  type RawClient,
} from "./test-harness";

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

async function harness(opts: Parameters<typeof startHarness>[0]): Promise<Harness> {
  const x = await startHarness(opts);
  harnesses.push(x);
  return x;
}

async function meeting(): Promise<{ f: FixtureCase; room: string }> {
  const f = await createFixtureCase();
  return { f, room: meetingDocName(f.meetingId) };
}

async function rawJoin(h: Harness, room: string, ticket: string): Promise<RawClient> {
  const c = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticket)}`);
  await waitFor(() => c.frames.some((fr) => decodeServerFrame(fr).type === "sync"), "the greeting");
  return c;
}

/** The awareness states a client's frames have told it about, by clientID. */
function awarenessSeen(c: RawClient): Map<number, unknown> {
  const a = new awarenessProtocol.Awareness(new Y.Doc());
  a.setLocalState(null);
  for (const fr of c.frames) {
    const d = decodeServerFrame(fr);
    if (d.type === "awareness") awarenessProtocol.applyAwarenessUpdate(a, d.body, "server");
  }
  const states = new Map(a.getStates());
  a.destroy();
  return states;
}

describe("limits come from the environment, options win", () => {
  it("reads every COLLAB_* variable and lets an option override it", () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        COLLAB_MAX_FRAME_BYTES: "2048",
        COLLAB_MAX_DOC_BYTES: "4096",
        COLLAB_UPDATES_PER_SECOND: "7",
        COLLAB_UPDATE_BURST: "9",
        COLLAB_AWARENESS_PER_SECOND: "3",
        COLLAB_AWARENESS_BURST: "5",
        COLLAB_THROTTLE_CLOSE_MS: "1234",
        COLLAB_MAX_AWARENESS_PER_ROOM: "11",
        COLLAB_MAX_AWARENESS_PER_CONNECTION: "2",
        COLLAB_MAX_BUFFERED_BYTES: "65536",
        COLLAB_DECODE_BUDGET_MS: "250",
        COLLAB_DECODE_INLINE_BYTES: "100",
        COLLAB_DECODE_WORKERS: "3",
        COLLAB_REDIS_PREFIX: "x:y",
      });
      resetEnvCache();
      const o = resolveOptions({ updateBurst: 99 });
      expect(o).toMatchObject({
        maxPayloadBytes: 2048,
        maxDocBytes: 4096,
        updatesPerSecond: 7,
        updateBurst: 99,
        awarenessPerSecond: 3,
        awarenessBurst: 5,
        throttleCloseMs: 1234,
        maxAwarenessPerRoom: 11,
        maxAwarenessPerConnection: 2,
        maxBufferedBytes: 65536,
        decodeBudgetMs: 250,
        decodeInlineBytes: 100,
        decodeWorkers: 3,
        redisPrefix: "x:y",
      });
    } finally {
      process.env = saved;
      resetEnvCache();
    }
    // The documented defaults.
    expect(resolveOptions()).toMatchObject({
      maxPayloadBytes: 1024 * 1024,
      maxDocBytes: 8 * 1024 * 1024,
      updatesPerSecond: 100,
      updateBurst: 200,
      awarenessPerSecond: 20,
      awarenessBurst: 40,
      maxAwarenessPerRoom: 64,
      maxAwarenessPerConnection: 4,
      maxBufferedBytes: 16 * 1024 * 1024,
      decodeBudgetMs: 1000,
    });
  });
});

describe("document size cap", () => {
  it("refuses an update that would grow the document past the cap: 1009, nothing stored or sent", async () => {
    const h = await harness({ maxDocBytes: 16 * 1024 });
    const { f, room } = await meeting();
    const b = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(b);
    const before = (await loadDocument(room))!.storedUpdates;

    const big = await rawJoin(h, room, ticketFor(f, "caseworker"));
    big.send(syncFrame(2, standaloneUpdate("big", "x".repeat(20 * 1024))));
    expect((await big.closed).code).toBe(1009);
    expect(h.logs.some((l) => l.msg === "document size cap: update refused")).toBe(true);

    // Below the cap still works, and B never saw the refused update.
    b.doc.getMap("meta").set("small", "ok");
    await eventually(async () => (await loadDocument(room))!.storedUpdates === before + 1, "B's small edit to be stored");
    const stored = (await loadDocument(room))!;
    expect(stored.doc.getMap("meta").get("big")).toBeUndefined();
    expect(b.doc.getMap("meta").get("big")).toBeUndefined();
  });

  it("lets a full room be joined and edited by deletion (an update that adds no struct passes)", async () => {
    const h = await harness({ maxDocBytes: 24 * 1024 });
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    await waitSynced(a);
    a.doc.getText("notes").insert(0, "y".repeat(20 * 1024));
    await waitFor(() => h.server.stats().pendingWrites === 0, "the commit");
    // Now nearly full: new content is refused…
    const c = await rawJoin(h, room, ticketFor(f, "manager"));
    c.send(syncFrame(2, standaloneUpdate("more", "z".repeat(8 * 1024))));
    expect((await c.closed).code).toBe(1009);
    // …but a deletion is not, and a new client syncs the whole document.
    a.doc.getText("notes").delete(0, 10 * 1024);
    const b = connectClient(h, room, ticketFor(f, "employee"));
    await waitFor(() => b.doc.getText("notes").length === 10 * 1024, "B to load the trimmed document");
    expect(a.closes).toEqual([]);
  });
});

describe("update rate limit", () => {
  it("throttles a burst past the bucket without dropping anything", async () => {
    const h = await harness({ updatesPerSecond: 20, updateBurst: 5, throttleCloseMs: 10_000 });
    const { f, room } = await meeting();
    const b = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(b);
    const c = await rawJoin(h, room, ticketFor(f, "caseworker"));
    const started = performance.now();
    for (let i = 0; i < 15; i++) c.send(syncFrame(2, standaloneUpdate(`k${i}`, "v")));
    await waitFor(() => [...Array(15).keys()].every((i) => b.doc.getMap("meta").get(`k${i}`) === "v"), "all 15 updates", 10_000);
    // 5 at once, then 10 more at 20/s: at least 450 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
    expect(c.ws.readyState).toBe(c.ws.OPEN);
  });

  it("closes a connection that stays over the limit with 1008; others are untouched", async () => {
    const h = await harness({ updatesPerSecond: 50, updateBurst: 10, throttleCloseMs: 300 });
    const { f, room } = await meeting();
    const b = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(b);
    const c = await rawJoin(h, room, ticketFor(f, "caseworker"));
    let i = 0;
    const flood = setInterval(() => {
      for (let k = 0; k < 5; k++) if (c.ws.readyState === c.ws.OPEN) c.send(syncFrame(2, standaloneUpdate(`f${i++}`, "v")));
    }, 2);
    try {
      expect((await c.closed).code).toBe(1008);
    } finally {
      clearInterval(flood);
    }
    b.doc.getMap("meta").set("after", 1);
    await waitFor(() => h.server.stats().pendingWrites === 0, "B's commit");
    expect(b.closes).toEqual([]);
    expect(h.logs.some((l) => l.msg === "rate limit: connection closed")).toBe(true);
  });
});

describe("awareness rate limit", () => {
  it("coalesces awareness past the bucket: fewer relays, and the latest state always arrives", async () => {
    const h = await harness({ awarenessPerSecond: 10, awarenessBurst: 3, throttleCloseMs: 10_000 });
    const { f, room } = await meeting();
    const watcher = await rawJoin(h, room, ticketFor(f, "employee"));
    const c = await rawJoin(h, room, ticketFor(f, "caseworker"));
    const me = f.participants.caseworker.id;
    const mark = watcher.frames.length;
    for (let clock = 1; clock <= 30; clock++)
      c.send(awarenessFrame([{ clientId: 501, clock, state: { user: { participantId: me }, n: clock } }]));
    await waitFor(() => (awarenessSeen(watcher).get(501) as { n?: number } | undefined)?.n === 30, "the latest state");
    const relays = watcher.frames.slice(mark).filter((fr) => decodeServerFrame(fr).type === "awareness").length;
    expect(relays).toBeLessThan(10);
    expect(c.ws.readyState).toBe(c.ws.OPEN);
  });

  it("closes an awareness flood with 1008", async () => {
    const h = await harness({ awarenessPerSecond: 10, awarenessBurst: 3, throttleCloseMs: 300 });
    const { f, room } = await meeting();
    const c = await rawJoin(h, room, ticketFor(f, "caseworker"));
    const me = f.participants.caseworker.id;
    let clock = 0;
    const flood = setInterval(() => {
      if (c.ws.readyState === c.ws.OPEN)
        c.send(awarenessFrame([{ clientId: 502, clock: ++clock, state: { user: { participantId: me } } }]));
    }, 2);
    try {
      expect((await c.closed).code).toBe(1008);
    } finally {
      clearInterval(flood);
    }
  });
});

describe("awareness entries per room", () => {
  it("holds at most maxAwarenessPerRoom entries; further clientIDs are ignored", async () => {
    const h = await harness({ maxAwarenessPerRoom: 3 });
    const { f, room } = await meeting();
    const roles = ["caseworker", "employee", "manager", "union_rep"] as const;
    const clients: RawClient[] = [];
    for (const [i, role] of roles.entries()) {
      const c = await rawJoin(h, room, ticketFor(f, role));
      c.send(awarenessFrame([{ clientId: 600 + i, clock: 1, state: { user: { participantId: f.participants[role].id } } }]));
      clients.push(c);
    }
    const watcher = await rawJoin(h, room, ticketFor(f, "observer"));
    watcher.send(new Uint8Array([3]));
    await waitFor(() => awarenessSeen(watcher).size >= 3, "the presence answer");
    // The fourth never got in, however long we look: ask again after it was surely processed.
    clients[3]!.send(new Uint8Array([3]));
    await waitFor(() => awarenessSeen(clients[3]!).size >= 3, "the fourth's presence answer");
    expect([...awarenessSeen(clients[3]!).keys()].sort()).toEqual([600, 601, 602]);
    // When one leaves, a newcomer's entry fits again.
    clients[0]!.ws.close();
    await waitFor(() => !awarenessSeen(watcher).has(600), "the leaver's entry to go");
    clients[3]!.send(awarenessFrame([{ clientId: 603, clock: 2, state: { user: { participantId: f.participants.union_rep.id } } }]));
    await waitFor(() => awarenessSeen(watcher).has(603), "the newcomer's entry");
  });
});

describe("slow readers", () => {
  it("drops a client that stops reading once its unsent bytes pass maxBufferedBytes; others go on", async () => {
    const h = await harness({ maxBufferedBytes: 256 * 1024, maxDocBytes: 64 * 1024 * 1024, updatesPerSecond: 1000, updateBurst: 1000 });
    const { f, room } = await meeting();
    const slow = await rawJoin(h, room, ticketFor(f, "manager"));
    slow.ws.pause(); // stops reading from its socket: the server's send buffer fills
    const b = connectClient(h, room, ticketFor(f, "employee"));
    const writer = connectClient(h, room, ticketFor(f, "caseworker"));
    await waitSynced(b, writer);
    const chunk = "s".repeat(256 * 1024);
    for (let i = 0; i < 80 && !h.logs.some((l) => l.msg === "slow reader dropped"); i++) {
      writer.doc.getMap("meta").set(`chunk${i % 4}`, `${i}${chunk}`);
      await waitFor(() => b.doc.getMap("meta").get(`chunk${i % 4}`) === `${i}${chunk}`, "B to keep up", 10_000);
    }
    expect(h.logs.some((l) => l.msg === "slow reader dropped")).toBe(true);
    await waitFor(() => h.server.stats().connections === 2, "the slow reader's socket to be gone");
    expect(b.closes).toEqual([]);
    slow.ws.resume();
  }, 60_000);
});
