import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { appendDocumentUpdates } from "@/lib/collab-store/append-updates";
import { compactDocument } from "@/lib/collab-store/compact-document";
import { addAgendaItem, readAgenda } from "@/lib/collab/agenda";
import {
  connectClient,
  decodeServerFrame,
  destroyAllClients,
  eventually,
  rawClient,
  startHarness,
  syncFrame,
  ticketFor,
  waitFor,
  waitSynced,
  type Harness,
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

async function harness(opts: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const x = await startHarness(opts);
  harnesses.push(x);
  return x;
}

async function meeting() {
  const f = await createFixtureCase();
  return { f, room: meetingDocName(f.meetingId) };
}

const storedTitles = async (room: string) => readAgenda((await loadDocument(room))!.doc).map((x) => x.title);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe("commit before broadcast", () => {
  it("never delivers an update the database refused; closes the room 1011; the author re-sends on reconnect", async () => {
    const h = await harness();
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"), { reconnect: false });
    const b = connectClient(h, room, ticketFor(f, "employee"), { reconnect: false });
    await waitSynced(a, b);
    a.provider.shouldReconnect = () => false;

    await tdb.asOwner("alter table collab_updates rename to collab_updates_offline");
    try {
      addAgendaItem(a.doc, { title: "Refused by the database" });
      await waitFor(() => a.closes.includes(1011) && b.closes.includes(1011), "both sockets to close 1011");
      // Frames on one socket are ordered: had the update been broadcast, B would have it by now.
      expect(readAgenda(b.doc)).toEqual([]);
      expect(h.server.stats().rooms).toBe(0);
      expect(h.logs.some((l) => l.msg === "room failed: commit refused")).toBe(true);
    } finally {
      await tdb.asOwner("alter table collab_updates_offline rename to collab_updates");
    }
    expect(await storedTitles(room)).toEqual([]);

    // Reconnecting clients load the stored state; the author still has its edit and sends it.
    a.provider.connect();
    b.provider.connect();
    await waitFor(() => readAgenda(b.doc).length === 1, "B to receive the re-sent edit");
    expect(await storedTitles(room)).toEqual(["Refused by the database"]);
  });

  it("sends nobody an update, not even in a sync reply, before it is committed", async () => {
    const commit = gate();
    const h = await harness({
      deps: { append: async (rows) => (await commit.opened, appendDocumentUpdates(rows)) },
    });
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    await waitSynced(a);
    const peer = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticketFor(f, "employee"))}`);
    await waitFor(() => peer.frames.length > 0, "the peer's greeting");

    addAgendaItem(a.doc, { title: "Pending" });
    await waitFor(() => h.server.stats().pendingWrites > 0, "the write to be applied and pending");
    // Ask for the whole doc, then for presence. Presence is answered at once; a SyncStep2 or a
    // broadcast sent before the commit would arrive ahead of that answer on this socket.
    const mark = peer.frames.length;
    peer.send(syncFrame(0, new Uint8Array([0])));
    peer.send(new Uint8Array([3]));
    await waitFor(() => peer.frames.slice(mark).some((fr) => decodeServerFrame(fr).type === "awareness"), "the presence answer");
    const early = peer.frames.slice(mark).map(decodeServerFrame);
    expect(early.filter((d) => d.type === "sync")).toEqual([]);

    commit.open();
    await waitFor(() => peer.frames.slice(mark).filter((fr) => decodeServerFrame(fr).type === "sync").length === 2, "update and reply");
    const after = peer.frames
      .slice(mark)
      .map(decodeServerFrame)
      .filter((d) => d.type === "sync");
    // The broadcast of the update came first (it was applied first), then the reply.
    expect(after.map((d) => (d as { sub: number }).sub)).toEqual([2, 1]);
    peer.ws.close();
  });
});

describe("close()", () => {
  it("closes sockets with 1012 and flushes updates still pending or queued", async () => {
    const commit = gate();
    const h = await harness({
      deps: { append: async (rows) => (await commit.opened, appendDocumentUpdates(rows)) },
    });
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    await waitSynced(a);
    addAgendaItem(a.doc, { title: "In flight" });
    await waitFor(() => h.server.stats().pendingWrites === 1, "the first write in flight");
    addAgendaItem(a.doc, { title: "Queued behind it" });
    await waitFor(() => h.server.stats().pendingWrites === 2, "the second write queued");
    a.provider.shouldReconnect = () => false;

    let closed = false;
    const closing = h.server.close().then(() => (closed = true));
    await waitFor(() => a.closes.includes(1012), "1012 to the client");
    expect(closed).toBe(false);
    commit.open();
    await closing;
    expect(h.server.stats()).toMatchObject({ rooms: 0, connections: 0, pendingWrites: 0, pendingBytes: 0 });
    expect(await storedTitles(room)).toEqual(["In flight", "Queued behind it"]);
    // close() also folded the log of the rooms it unloaded.
    expect((await loadDocument(room))!.storedUpdates).toBe(0);
    await h.server.close(); // idempotent
  });
});

describe("room life cycle", () => {
  it("unloads an idle room, compacts it, and a later joiner sees everything", async () => {
    const h = await harness({ unloadAfterMs: 30 });
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    await waitSynced(a);
    addAgendaItem(a.doc, { title: "Before the unload" });
    await waitFor(() => h.server.stats().pendingWrites === 0, "the commit");
    a.destroy();
    await waitFor(() => h.server.stats().rooms === 0, "the room to unload");
    await eventually(async () => (await loadDocument(room))!.storedUpdates === 0, "the unloaded room's log to be folded");
    const c = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(c);
    expect(readAgenda(c.doc).map((x) => x.title)).toEqual(["Before the unload"]);
  });

  it("lets a joiner arriving while the last client leaves see its edit (#995)", async () => {
    const h = await harness({ unloadAfterMs: 0 });
    const { f, room } = await meeting();
    for (let i = 0; i < 5; i++) {
      const a = connectClient(h, room, ticketFor(f, "caseworker"));
      await waitSynced(a);
      addAgendaItem(a.doc, { title: `edit ${i}` });
      a.destroy(); // leaves at once: its edit may still be uncommitted
      const c = connectClient(h, room, ticketFor(f, "employee"));
      await waitFor(() => readAgenda(c.doc).length === i + 1, `the newcomer to see edit ${i}`);
      c.destroy();
    }
    expect(await storedTitles(room)).toEqual(["edit 0", "edit 1", "edit 2", "edit 3", "edit 4"]);
  });

  it("compacts a live room after compactAfterUpdates committed updates", async () => {
    const compactions: string[] = [];
    const h = await harness({
      compactAfterUpdates: 5,
      deps: { compact: (name) => (compactions.push(name), compactDocument(name)) },
    });
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    const b = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(a, b);
    for (let i = 0; i < 12; i++) {
      addAgendaItem(a.doc, { title: `item ${i}` });
      await waitFor(() => readAgenda(b.doc).length === i + 1, "B to see it");
    }
    expect(compactions.length).toBeGreaterThanOrEqual(2);
    expect(compactions.every((n) => n === room)).toBe(true);
    await waitFor(() => h.logs.every((l) => l.msg !== "compaction failed"), "no compaction failure");
    const stored = (await loadDocument(room))!;
    expect(stored.storedUpdates).toBeLessThan(12);
    expect(readAgenda(stored.doc)).toHaveLength(12);
  });

  it("folds a long stored tail at load, so the next cold join reads the snapshot and a short tail (issue 19)", async () => {
    const h = await harness({ compactAfterUpdates: 20 });
    const { f, room } = await meeting();
    const writer = new Y.Doc();
    const rows: { docName: string; data: Uint8Array }[] = [];
    writer.on("update", (u: Uint8Array) => rows.push({ docName: room, data: u }));
    for (let i = 0; i < 50; i++) writer.getMap("log").set(`k${i}`, i);
    await appendDocumentUpdates(rows);
    expect((await loadDocument(room))!.storedUpdates).toBeGreaterThanOrEqual(50);
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    await waitSynced(a);
    await eventually(async () => (await loadDocument(room))!.storedUpdates < 20, "the tail folded");
    expect((await loadDocument(room))!.doc.getMap("log").size).toBe(50);
  });

  it("closes 1011 when the load fails, serves nothing, and loads again on the next attempt", async () => {
    let failures = 1;
    const h = await harness({
      deps: {
        load: async (name) => {
          if (failures-- > 0) throw new Error("database unavailable");
          return loadDocument(name);
        },
      },
    });
    const { f, room } = await meeting();
    const raw = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticketFor(f, "manager"))}`);
    await raw.opened;
    raw.send(syncFrame(0, new Uint8Array([0])));
    expect((await raw.closed).code).toBe(1011);
    expect(raw.frames).toHaveLength(0);
    expect(h.server.stats().rooms).toBe(0);
    const c = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(c);
    expect(c.doc.getMap("plan").get("track")).toBe("employed");
  });
});

describe("resources", () => {
  it("shares one load between concurrent joiners of a cold room", async () => {
    let loads = 0;
    const h = await harness({ deps: { load: (name) => (loads++, loadDocument(name)) } });
    const { f, room } = await meeting();
    const clients = (["caseworker", "employee", "manager", "union_rep"] as const).map((r) => connectClient(h, room, ticketFor(f, r)));
    await waitSynced(...clients);
    expect(loads).toBe(1);
    expect(h.server.stats()).toMatchObject({ rooms: 1, connections: 4 });
  });
});

describe("heartbeat", () => {
  it("terminates a socket that stops answering pings and keeps the others", async () => {
    // Not much shorter: a busy machine delays the healthy client's pong too.
    const h = await harness({ pingIntervalMs: 250 });
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    await waitSynced(a);
    const silent = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticketFor(f, "employee"))}`, { autoPong: false });
    expect((await silent.closed).code).toBe(1006);
    expect(a.closes).toEqual([]);
    expect(a.provider.wsconnected).toBe(true);
  });
});
