import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { addAgendaItem, agendaTitleText, readAgenda } from "@/lib/collab/agenda";
import { readMeetingDoc } from "@/lib/collab/read-meeting-doc";
import { setStep } from "@/lib/collab/plan";
import {
  awarenessFrame,
  connectClient,
  decodeServerFrame,
  destroyAllClients,
  rawClient,
  sameState,
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
let h: Harness;

beforeAll(async () => {
  tdb = await createTestDatabase();
  h = await startHarness();
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await h.stop();
  await tdb.drop();
});

async function meeting(): Promise<{ f: FixtureCase; room: string }> {
  const f = await createFixtureCase();
  return { f, room: meetingDocName(f.meetingId) };
}

/** Open a raw authorised socket and wait for the server's greeting (its SyncStep1). */
async function rawJoin(room: string, ticket: string): Promise<RawClient> {
  const c = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticket)}`);
  await waitFor(() => c.frames.some((fr) => decodeServerFrame(fr).type === "sync"), "the server's SyncStep1");
  return c;
}

/** Ask for the whole document over a raw socket and return it as the server holds it now. */
async function serverDocVia(c: RawClient): Promise<Y.Doc> {
  const before = c.frames.length;
  c.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
  let reply: Uint8Array | undefined;
  await waitFor(() => {
    for (const fr of c.frames.slice(before)) {
      const d = decodeServerFrame(fr);
      if (d.type === "sync" && d.sub === 1) reply = d.body;
    }
    return reply !== undefined;
  }, "the SyncStep2 reply");
  const doc = new Y.Doc();
  Y.applyUpdate(doc, reply!);
  return doc;
}

describe("sync", () => {
  it("converges two clients under concurrent edits", async () => {
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    const b = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(a, b);

    const id = addAgendaItem(a.doc, { title: "Welcome", minutes: 5 });
    await waitFor(() => readAgenda(b.doc).some((x) => x.id === id), "B to see the item");

    // Concurrent: both type into the same title, both add an item, both set the step.
    agendaTitleText(a.doc, id).insert(0, "A: ");
    agendaTitleText(b.doc, id).insert(7, " (B)");
    addAgendaItem(a.doc, { title: "From A" });
    addAgendaItem(b.doc, { title: "From B" });
    setStep(a.doc, 2);
    setStep(b.doc, 3);

    await waitFor(() => sameState(a.doc, b.doc) && readAgenda(a.doc).length === 3, "convergence");
    expect(readMeetingDoc(a.doc)).toEqual(readMeetingDoc(b.doc));
    const titles = readAgenda(a.doc).map((x) => x.title);
    expect(titles[0]).toBe("A: Welcome (B)");
    expect(titles.slice(1).sort()).toEqual(["From A", "From B"]);
  });

  it("keeps an update through a server restart after every client that saw it has gone", async () => {
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    const b = connectClient(h, room, ticketFor(f, "manager"));
    await waitSynced(a, b);
    addAgendaItem(a.doc, { title: "Survives the restart" });
    await waitFor(() => readAgenda(b.doc).length === 1, "B to see it");
    a.destroy();
    b.destroy();
    await h.restart();

    const c = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(c);
    expect(readAgenda(c.doc).map((x) => x.title)).toEqual(["Survives the restart"]);
  });

  it("answers a SyncStep1 with the whole document", async () => {
    const { f, room } = await meeting();
    const raw = await rawJoin(room, ticketFor(f, "manager"));
    const doc = await serverDocVia(raw);
    expect(readMeetingDoc(doc).plan.track).toBe("employed");
    raw.ws.close();
  });
});

describe("read-only connections", () => {
  it("drop an observer's update frames: the server doc, its peers and the database are untouched", async () => {
    const { f, room } = await meeting();
    const writer = connectClient(h, room, ticketFor(f, "caseworker"));
    const peer = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(writer, peer);
    const observer = await rawJoin(room, ticketFor(f, "observer"));

    observer.send(syncFrame(2, standaloneUpdate("injected", "by observer")));
    observer.send(syncFrame(1, standaloneUpdate("injected2", "by observer")));
    // Frames of one socket are handled in order, so this reply reflects both.
    const seen = await serverDocVia(observer);
    expect(seen.getMap("meta").has("injected")).toBe(false);
    expect(seen.getMap("meta").has("injected2")).toBe(false);
    expect(observer.frames.length).toBeGreaterThan(0);

    // A later edit reaches the peer; the dropped ones, applied earlier, would have come first.
    writer.doc.getMap("meta").set("after", 1);
    await waitFor(() => peer.doc.getMap("meta").get("after") === 1, "the peer to see the later edit");
    expect(peer.doc.getMap("meta").has("injected")).toBe(false);
    const stored = (await loadDocument(room))!.doc;
    expect(stored.getMap("meta").get("after")).toBe(1);
    expect(stored.getMap("meta").has("injected")).toBe(false);
    expect(stored.getMap("meta").has("injected2")).toBe(false);
    expect(observer.ws.readyState).toBe(observer.ws.OPEN);
    observer.ws.close();
  });

  it("drop updates of a writer holding a read-only ticket", async () => {
    const { f, room } = await meeting();
    const ro = connectClient(h, room, ticketFor(f, "manager", { readOnly: true }));
    const peer = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(ro, peer);
    ro.doc.getMap("meta").set("fromReadOnly", 1);
    peer.doc.getMap("meta").set("fromPeer", 1);
    await waitFor(() => ro.doc.getMap("meta").get("fromPeer") === 1, "the read-only client still receives");
    const raw = await rawJoin(room, ticketFor(f, "caseworker"));
    expect((await serverDocVia(raw)).getMap("meta").has("fromReadOnly")).toBe(false);
    raw.ws.close();
  });
});

describe("read-only after an offline edit", () => {
  it("drops what an observer's client edited offline and sends on reconnect (its SyncStep2)", async () => {
    const { f, room } = await meeting();
    const peer = connectClient(h, room, ticketFor(f, "employee"));
    const observer = connectClient(h, room, ticketFor(f, "observer", { readOnly: true }));
    await waitSynced(peer, observer);
    observer.provider.disconnect();
    // Made while offline: a stock client sends it in its SyncStep2 when it reconnects.
    observer.doc.getMap("meta").set("offlineByObserver", 1);
    observer.provider.connect();
    await waitSynced(observer);
    peer.doc.getMap("meta").set("afterReconnect", 1);
    await waitFor(() => observer.doc.getMap("meta").get("afterReconnect") === 1, "the observer to receive the peer's later edit");
    expect(peer.doc.getMap("meta").has("offlineByObserver")).toBe(false);
    const raw = await rawJoin(room, ticketFor(f, "caseworker"));
    expect((await serverDocVia(raw)).getMap("meta").has("offlineByObserver")).toBe(false);
    raw.ws.close();
    const stored = (await loadDocument(room))!.doc;
    expect(stored.getMap("meta").get("afterReconnect")).toBe(1);
    expect(stored.getMap("meta").has("offlineByObserver")).toBe(false);
  });
});

describe("awareness", () => {
  const userOf = (f: FixtureCase, role: "caseworker" | "employee" | "manager") => ({
    participantId: f.participants[role].id,
    name: role,
    role,
    color: "#1d4ed8",
  });

  it("relays presence to everyone, the sender included, and removes it when the sender leaves", async () => {
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    const b = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(a, b);
    a.provider.awareness.setLocalStateField("user", userOf(f, "caseworker"));
    const aId = a.doc.clientID;
    await waitFor(
      () => b.provider.awareness.getStates().get(aId)?.user?.name === "Test caseworker",
      "B to see A (named from the participant record)",
    );

    const raw = await rawJoin(room, ticketFor(f, "manager"));
    // A newcomer is greeted with the current presence.
    await waitFor(() => raw.frames.some((fr) => decodeServerFrame(fr).type === "awareness"), "presence on join");
    const before = raw.frames.length;
    raw.send(awarenessFrame([{ clientId: 4242, clock: 1, state: { user: userOf(f, "manager") } }]));
    await waitFor(() => raw.frames.slice(before).some((fr) => decodeServerFrame(fr).type === "awareness"), "the echo");
    await waitFor(() => b.provider.awareness.getStates().has(4242), "B to see the raw client");

    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), "A's presence to go");
    raw.ws.close();
    await waitFor(() => !b.provider.awareness.getStates().has(4242), "the raw client's presence to go");
  });

  it("drops presence that claims another participant", async () => {
    const { f, room } = await meeting();
    const b = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(b);
    const raw = await rawJoin(room, ticketFor(f, "manager"));
    raw.send(awarenessFrame([{ clientId: 5001, clock: 1, state: { user: userOf(f, "caseworker") } }]));
    raw.send(awarenessFrame([{ clientId: 5002, clock: 1, state: { user: userOf(f, "manager") } }]));
    await waitFor(() => b.provider.awareness.getStates().has(5002), "the genuine entry");
    expect(b.provider.awareness.getStates().has(5001)).toBe(false);
    expect(h.logs.some((l) => l.msg === "awareness spoof dropped")).toBe(true);
    raw.ws.close();
  });

  it("caps the entries one connection controls and ignores entries it does not own", async () => {
    const { f, room } = await meeting();
    const b = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(b);
    b.provider.awareness.setLocalStateField("user", userOf(f, "employee"));
    const bId = b.doc.clientID;
    const raw = await rawJoin(room, ticketFor(f, "manager"));
    const ids = [6001, 6002, 6003, 6004, 6005, 6006];
    raw.send(awarenessFrame(ids.map((clientId) => ({ clientId, clock: 1, state: { user: userOf(f, "manager") } }))));
    // Try to clear B's caret: B owns that clientID, so this is ignored.
    raw.send(awarenessFrame([{ clientId: bId, clock: 99, state: null }]));
    raw.send(awarenessFrame([{ clientId: 6001, clock: 2, state: { user: userOf(f, "manager"), editing: "done" } }]));
    await waitFor(() => b.provider.awareness.getStates().get(6001)?.editing === "done", "the last frame");
    const seen = ids.filter((id) => b.provider.awareness.getStates().has(id));
    expect(seen).toEqual([6001, 6002, 6003, 6004]);
    expect(b.provider.awareness.getStates().has(bId)).toBe(true);
    raw.ws.close();
  });

  it("answers a query for all presence", async () => {
    const { f, room } = await meeting();
    const a = connectClient(h, room, ticketFor(f, "caseworker"));
    await waitSynced(a);
    // (The stock client's initial `{}` has clock 0, which y-protocols never applies remotely.)
    a.provider.awareness.setLocalStateField("user", userOf(f, "caseworker"));
    const raw = await rawJoin(room, ticketFor(f, "manager"));
    await waitFor(() => raw.frames.some((fr) => decodeServerFrame(fr).type === "awareness"), "presence on join");
    const before = raw.frames.length;
    raw.send(new Uint8Array([3]));
    await waitFor(() => raw.frames.length > before, "the answer");
    const d = decodeServerFrame(raw.frames[before]!);
    expect(d.type).toBe("awareness");
    const probe = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(probe, (d as { body: Uint8Array }).body, null);
    expect(probe.getStates().has(a.doc.clientID)).toBe(true);
    probe.destroy();
    raw.ws.close();
  });
});
