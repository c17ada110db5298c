import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import {
  awarenessFrame,
  connectClient,
  decodeServerFrame,
  destroyAllClients,
  rawClient,
  startHarness,
  syncFrame,
  ticketFor,
  waitFor,
  waitSynced,
  type Client,
  type Harness,
} from "./test-harness";

const MAX_PAYLOAD = 64 * 1024;

let tdb: TestDatabase;
let h: Harness;
let f: FixtureCase;
let room: string;
let a: Client;
let b: Client;

beforeAll(async () => {
  tdb = await createTestDatabase();
  h = await startHarness({ maxPayloadBytes: MAX_PAYLOAD });
  f = await createFixtureCase();
  room = meetingDocName(f.meetingId);
  a = connectClient(h, room, ticketFor(f, "caseworker"));
  b = connectClient(h, room, ticketFor(f, "employee"));
  await waitSynced(a, b);
});
afterAll(async () => {
  destroyAllClients();
  await h.stop();
  await tdb.drop();
});

let edits = 0;
/** The bystanders still sync: an edit by A reaches B, and neither was ever disconnected. */
async function bystandersStillSync(): Promise<void> {
  const key = `edit-${++edits}`;
  a.doc.getMap("meta").set(key, edits);
  await waitFor(() => b.doc.getMap("meta").get(key) === edits, "B to see A's edit");
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
}

async function offend(payload: Uint8Array | string): Promise<number> {
  const c = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticketFor(f, "manager"))}`);
  await waitFor(() => c.frames.some((fr) => decodeServerFrame(fr).type === "sync"), "the greeting");
  c.send(payload);
  return (await c.closed).code;
}

describe("malformed input closes only its sender", () => {
  const cases: [string, Uint8Array | string, number][] = [
    ["a text frame", "hello", 1003],
    ["garbage bytes", new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x42]), 1007],
    ["a truncated varint", new Uint8Array([0x80]), 1007],
    ["an empty frame", new Uint8Array([]), 1007],
    ["an unknown message type", new Uint8Array([9, 0]), 1007],
    ["an unknown sync message type", new Uint8Array([0, 7, 0]), 1007],
    ["a byte array longer than its frame", new Uint8Array([0, 2, 100, 1, 2, 3]), 1007],
    ["an update Yjs rejects", syncFrame(2, new Uint8Array([1, 1, 5, 0, 0xff, 0xff])), 1007],
    ["a SyncStep2 Yjs rejects", syncFrame(1, new Uint8Array([1, 1, 1, 0, 8, 1, 0, 1, 5])), 1007],
    ["awareness that is not JSON", rawAwareness("{nope"), 1007],
    ["awareness with a non-object state", awarenessFrame([{ clientId: 1, clock: 1, state: 42 }]), 1007],
  ];

  for (const [what, payload, code] of cases) {
    it(`closes ${code} on ${what}`, async () => {
      expect(await offend(payload)).toBe(code);
      await bystandersStillSync();
    });
  }

  it("closes 1009 on a frame over maxPayloadBytes", async () => {
    expect(await offend(syncFrame(2, new Uint8Array(MAX_PAYLOAD + 1)))).toBe(1009);
    await bystandersStillSync();
  });

  it("logged every offence and kept serving", async () => {
    expect(h.logs.filter((l) => ["undecodable frame", "invalid message", "invalid update"].includes(l.msg)).length).toBeGreaterThanOrEqual(
      9,
    );
    await waitFor(() => h.server.stats().connections === 2, "the offenders' sockets to be gone");
    expect(h.server.stats()).toMatchObject({ rooms: 1, connections: 2, pendingWrites: 0 });
  });
});

/** An awareness message whose state string is not JSON. */
function rawAwareness(stateString: string): Uint8Array {
  const text = new TextEncoder().encode(stateString);
  const inner = new Uint8Array([1, 1, 1, text.length, ...text]);
  return new Uint8Array([1, inner.length, ...inner]);
}
