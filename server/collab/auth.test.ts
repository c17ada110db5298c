import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { issueTicket } from "@/lib/tickets/collab-ticket";
import { authorizeCollabConnection } from "@/lib/collab-store/authorize-connection";
import { connectClient, destroyAllClients, rawClient, startHarness, syncFrame, ticketFor, waitFor, type Harness } from "./test-harness";

let tdb: TestDatabase;
let h: Harness;
let f: FixtureCase;
let otherCase: FixtureCase;
let room: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  h = await startHarness();
  f = await createFixtureCase();
  otherCase = await createFixtureCase();
  room = meetingDocName(f.meetingId);
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await h.stop();
  await tdb.drop();
});

/** Connect raw, send what the stock client sends first, and return the close and every frame received. */
async function attempt(url: string) {
  const c = rawClient(url);
  await c.opened;
  c.send(syncFrame(0, new Uint8Array([0])));
  const closed = await c.closed;
  return { ...closed, frames: c.frames.length };
}

const roomUrl = (ticket?: string) => `${h.url}/${room}${ticket === undefined ? "" : `?ticket=${encodeURIComponent(ticket)}`}`;

describe("authorisation before anything", () => {
  it("closes 4401 without a ticket, having sent no frame", async () => {
    expect(await attempt(roomUrl())).toMatchObject({ code: 4401, frames: 0 });
  });

  it("closes 4401 on a forged ticket", async () => {
    const good = ticketFor(f, "manager");
    expect(await attempt(roomUrl(`${good.split(".")[0]}.AAAA`))).toMatchObject({ code: 4401, frames: 0 });
    expect(await attempt(roomUrl("garbage"))).toMatchObject({ code: 4401, frames: 0 });
  });

  it("closes 4401 on a ticket for another document", async () => {
    expect(await attempt(roomUrl(ticketFor(otherCase, "manager")))).toMatchObject({ code: 4401, frames: 0 });
  });

  it("closes 4401 on an expired ticket", async () => {
    const expired = ticketFor(f, "manager", { ttl: 60, now: Date.now() - 120_000 });
    expect(await attempt(roomUrl(expired))).toMatchObject({ code: 4401, frames: 0 });
  });

  it("closes 4403 for a participant of another case, having sent no frame", async () => {
    const t = issueTicket(
      { doc: room, participantId: otherCase.participants.manager.id, session: otherCase.participants.manager.session, readOnly: false },
      60,
    );
    expect(await attempt(roomUrl(t))).toMatchObject({ code: 4403, frames: 0 });
  });

  it("closes 4403 on a malformed or unknown room", async () => {
    expect(await attempt(`${h.url}/not-a-room?ticket=x`)).toMatchObject({ code: 4403, frames: 0 });
    expect(await attempt(`${h.url}/a/b`)).toMatchObject({ code: 4403, frames: 0 });
    expect(await attempt(`${h.url}`)).toMatchObject({ code: 4403, frames: 0 });
  });

  it("leaves upgrades outside its path to the caller (here: HTTP 404)", async () => {
    const c = rawClient(`ws://127.0.0.1:${h.port}/_next/webpack-hmr`);
    await expect(c.opened).rejects.toThrow("HTTP 404");
  });

  it("stops the stock client from reconnecting after 4401", async () => {
    const client = connectClient(h, room, "garbage");
    const closed = await new Promise<{ code: number }>((resolve) => client.provider.on("closed", (e) => resolve(e)));
    expect(closed.code).toBe(4401);
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.closes).toEqual([4401]);
  });

  it("serves an authorised participant after queueing what it sent early", async () => {
    const client = connectClient(h, room, ticketFor(f, "manager"));
    await waitFor(() => client.provider.synced, "sync");
    expect(client.doc.getMap("plan").get("track")).toBe("employed");
  });
});

describe("limits before authorisation", () => {
  it("closes 1008 a socket that floods before it is authorised", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = await startHarness({
      deps: { authorize: async (input) => (await gate, authorizeCollabConnection(input)) },
    });
    try {
      const c = rawClient(`${slow.url}/${room}?ticket=${ticketFor(f, "manager")}`);
      await c.opened;
      for (let i = 0; i < 40; i++) c.send(syncFrame(0, new Uint8Array([0])));
      const closed = await c.closed;
      expect(closed.code).toBe(1008);
      expect(c.frames).toHaveLength(0);
    } finally {
      release();
      await slow.stop();
    }
  });

  it("closes 4403 an upgrade from an Origin that is not allowed", async () => {
    const strict = await startHarness({ allowedOrigins: ["https://stepwise.example"] });
    try {
      const url = `${strict.url}/${room}?ticket=${ticketFor(f, "manager")}`;
      const bad = rawClient(url, { headers: { origin: "https://evil.example" } });
      expect((await bad.closed).code).toBe(4403);
      expect(bad.frames).toHaveLength(0);
      const good = rawClient(url, { headers: { origin: "https://stepwise.example" } });
      await waitFor(() => good.frames.length > 0, "the greeting");
      good.ws.close();
    } finally {
      await strict.stop();
    }
  });
});
