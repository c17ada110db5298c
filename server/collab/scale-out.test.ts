import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { appendDocumentUpdates } from "@/lib/collab-store/append-updates";
import { decodeBusMessage, type BusMessage, type Fanout } from "./fanout";
import { createRedisFanout } from "./redis-fanout";
import type { CollabServerOptions } from "./options";
import { startTcpProxy } from "./testing/tcp-proxy";
import { testRedis, type TestRedis } from "./testing/test-redis";
import {
  connectClient,
  destroyAllClients,
  eventually,
  sameState,
  startHarness,
  ticketFor,
  waitFor,
  waitSynced,
  type Harness,
} from "./test-harness";

/**
 * Two instances in this process on the same database and the machine's Redis (a channel prefix
 * unique to this run), a room's clients split over them.
 */

let tdb: TestDatabase;
let redis: TestRedis;
let prefix: string;
const harnesses: Harness[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = await testRedis();
  prefix = `stepwise-test:${randomUUID()}`;
});
afterEach(async () => {
  destroyAllClients();
  await Promise.all(harnesses.splice(0).map((x) => x.stop()));
  for (const c of cleanups.splice(0)) await c();
});
afterAll(async () => {
  await redis.stop();
  await tdb.drop();
});

async function instance(opts: CollabServerOptions = {}): Promise<Harness> {
  const h = await startHarness({ redisUrl: redis.url, redisPrefix: prefix, ...opts });
  harnesses.push(h);
  return h;
}

async function meeting(): Promise<{ f: FixtureCase; room: string }> {
  const f = await createFixtureCase();
  return { f, room: meetingDocName(f.meetingId) };
}

/** A plain Redis subscriber on a room's channel: every bus message, decoded. */
async function spy(room: string): Promise<BusMessage[]> {
  const c = createClient({ url: redis.url });
  await c.connect();
  const seen: BusMessage[] = [];
  await c.subscribe(`${prefix}:room:${room}`, (m: Buffer) => seen.push(decodeBusMessage(new Uint8Array(m))), true);
  cleanups.push(() => c.close());
  return seen;
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe("two instances on Redis", () => {
  it("carry edits and awareness across, in one hop per commit", async () => {
    const [one, two] = [await instance(), await instance()];
    const { f, room } = await meeting();
    const seen = await spy(room);
    const a = connectClient(one, room, ticketFor(f, "caseworker"));
    const b = connectClient(two, room, ticketFor(f, "employee"));
    await waitSynced(a, b);

    a.doc.getMap("meta").set("from", "one");
    await waitFor(() => b.doc.getMap("meta").get("from") === "one", "B (on two) to see A's edit");
    b.doc.getText("notes").insert(0, "from two");
    await waitFor(() => a.doc.getText("notes").toString() === "from two", "A (on one) to see B's edit");
    await waitFor(() => sameState(a.doc, b.doc), "convergence");

    // Each edit crossed as exactly one bus message, from the instance that committed it.
    await waitFor(() => seen.filter((m) => m.kind === "updates").length >= 2, "the two publishes");
    const updates = seen.filter((m) => m.kind === "updates");
    expect(updates.map((m) => m.from)).toEqual([one.server.instanceId, two.server.instanceId]);

    // Awareness crosses too, and a leaver's caret disappears on the other instance.
    a.provider.awareness.setLocalStateField("user", { participantId: f.participants.caseworker.id, name: "A" });
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), "B to see A's presence");
    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), "A's presence to leave B");
  });

  it("publishes an update only after its commit, and never one whose commit failed", async () => {
    const commit = gate();
    let fail = false;
    const one = await instance({
      deps: {
        append: async (rows) => {
          await commit.opened;
          if (fail) throw new Error("database refused");
          return appendDocumentUpdates(rows);
        },
      },
    });
    const two = await instance();
    const { f, room } = await meeting();
    const seen = await spy(room);
    const a = connectClient(one, room, ticketFor(f, "caseworker"), { reconnect: false });
    const b = connectClient(two, room, ticketFor(f, "employee"));
    await waitSynced(a, b);

    a.doc.getMap("meta").set("pending", 1);
    await waitFor(() => one.server.stats().pendingWrites > 0, "the write to be pending");
    // Not committed: not on the bus, not on the other instance.
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([]);
    commit.open();
    await waitFor(() => b.doc.getMap("meta").get("pending") === 1, "the committed update to cross");
    expect(seen.filter((m) => m.kind === "updates")).toHaveLength(1);

    // Now the database refuses: room fails (1011) on one, nothing reaches the bus or B.
    fail = true;
    a.doc.getMap("meta").set("refused", 1);
    await waitFor(() => a.closes.includes(1011), "A's room to fail");
    b.doc.getMap("meta").set("later", 1); // a later bus message proves the order: nothing came before it
    await waitFor(() => seen.some((m) => m.kind === "updates" && m.from === two.server.instanceId), "B's publish");
    expect(seen.filter((m) => m.kind === "updates" && m.from === one.server.instanceId)).toHaveLength(1);
    expect(b.doc.getMap("meta").get("refused")).toBeUndefined();
  });

  it("misses nothing committed while a room loads (subscribe first, then load)", async () => {
    const one = await instance();
    const { f, room } = await meeting();
    const a = connectClient(one, room, ticketFor(f, "caseworker"));
    await waitSynced(a);
    // Two reads the database, then — before it has built the room — one commits and publishes.
    const two = await instance({
      deps: {
        load: async (name) => {
          const loaded = await loadDocument(name);
          a.doc.getMap("meta").set("during-load", 1);
          await eventually(async () => (await loadDocument(name))!.doc.getMap("meta").get("during-load") === 1, "the commit on one");
          await waitFor(() => one.server.stats().pendingWrites === 0, "one's publish");
          return loaded;
        },
      },
    });
    const b = connectClient(two, room, ticketFor(f, "employee"));
    await waitFor(() => b.doc.getMap("meta").get("during-load") === 1, "B to get the update published during the load");
    await waitFor(() => sameState(a.doc, b.doc), "convergence");
  });

  it("converges after an instance dies: its clients move to the other", async () => {
    const [one, two] = [await instance(), await instance()];
    const proxy = await startTcpProxy([one.port, two.port]);
    cleanups.push(() => proxy.close());
    const { f, room } = await meeting();
    const roles = ["caseworker", "employee", "manager", "union_rep"] as const;
    const clients = roles.map((r) => connectClient({ url: proxy.url }, room, ticketFor(f, r)));
    await waitSynced(...clients);
    expect(one.server.stats().connections).toBe(2);
    expect(two.server.stats().connections).toBe(2);

    clients.forEach((c, i) => c.doc.getText("notes").insert(0, `before${i} `));
    await waitFor(() => clients.every((c) => sameState(c.doc, clients[0]!.doc)), "convergence before the crash");

    // One dies: its connections drop without a close frame; its clients edit while cut off.
    proxy.cut(one.port);
    clients.forEach((c, i) => c.doc.getMap("meta").set(`during${i}`, i));
    await waitFor(() => two.server.stats().connections === 4, "every client on two", 10_000);
    await waitFor(
      () => clients.every((c) => roles.every((_, i) => c.doc.getMap("meta").get(`during${i}`) === i) && sameState(c.doc, clients[0]!.doc)),
      "convergence after the crash",
      10_000,
    );
    const stored = new Y.Doc();
    await eventually(async () => {
      const loaded = (await loadDocument(room))!;
      Y.applyUpdate(stored, Y.encodeStateAsUpdate(loaded.doc));
      return sameState(stored, clients[0]!.doc);
    }, "the database to hold the converged state");
  });

  it("catches up from the database when the bus lost messages, and resyncs after Redis reconnects", async () => {
    // Two's fan-out drops deliveries on demand: the messages pub/sub loses while a subscriber is away.
    const logs: string[] = [];
    const inner = createRedisFanout({ url: redis.url, prefix, log: (m) => logs.push(m) });
    let dropping = false;
    let dropped = 0;
    const resyncs: (() => void)[] = [];
    const lossy: Fanout = {
      instanceId: inner.instanceId,
      async join(room) {
        const ch = await inner.join(room);
        return {
          ...ch,
          attach: (h) =>
            ch.attach({
              updates: (u) => (dropping ? void dropped++ : h.updates(u)),
              awareness: (a) => (dropping ? undefined : h.awareness(a)),
            }),
        };
      },
      onResync(cb) {
        resyncs.push(cb);
        inner.onResync(cb);
      },
      close: () => inner.close(),
    };
    const one = await instance();
    const two = await instance({ deps: { fanout: lossy } });
    const { f, room } = await meeting();
    const a = connectClient(one, room, ticketFor(f, "caseworker"));
    const b = connectClient(two, room, ticketFor(f, "employee"));
    await waitSynced(a, b);

    dropping = true;
    a.doc.getMap("meta").set("lost-on-the-bus", 1);
    await waitFor(() => dropped === 1, "two to lose the publish");
    dropping = false;
    expect(b.doc.getMap("meta").get("lost-on-the-bus")).toBeUndefined();
    for (const cb of resyncs) cb();
    await waitFor(() => b.doc.getMap("meta").get("lost-on-the-bus") === 1, "B to catch up from the database");
    await waitFor(() => sameState(a.doc, b.doc), "convergence");

    // A real reconnect triggers it: kill two's subscriber connection on the Redis side.
    const admin = createClient({ url: redis.url });
    await admin.connect();
    cleanups.push(() => admin.close());
    const list = (await admin.sendCommand(["CLIENT", "LIST"])) as string;
    const id = list
      .split("\n")
      .find((l) => l.includes(`name=stepwise-collab-sub-${inner.instanceId}`))
      ?.match(/id=(\d+)/)?.[1];
    expect(id).toBeDefined();
    await admin.sendCommand(["CLIENT", "KILL", "ID", id!]);
    await waitFor(() => logs.includes("redis subscriber reconnected; resyncing loaded rooms"), "the subscriber to reconnect", 10_000);
    a.doc.getMap("meta").set("after-reconnect", 1);
    await waitFor(() => b.doc.getMap("meta").get("after-reconnect") === 1, "the bus to carry edits again");
  });
});
