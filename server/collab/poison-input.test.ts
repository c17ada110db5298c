import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { validateUpdate } from "./validate-update.mjs";
import {
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

/**
 * Known poison inputs, sent into one room while another room is in use: each closes only its
 * sender, nothing of it is stored, and the other room's clients keep syncing. Then the decode
 * budget: a decoder that never returns (a stand-in worker, since no input is known to hang the
 * pinned yjs/lib0 V1 decoder) is terminated and its sender closed 1007, while the event loop —
 * and every other room — keeps going.
 */

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  destroyAllClients();
  await tdb.drop();
});

/** A V1 update by hand: one struct of `client` at clock 0 in root type "t", then the delete set. */
function v1Update(body: (e: encoding.Encoder) => void, deletes: [client: number, ranges: [number, number][]][] = []): Uint8Array {
  const e = encoding.createEncoder();
  body(e);
  encoding.writeVarUint(e, deletes.length);
  for (const [client, ranges] of deletes) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
  return encoding.toUint8Array(e);
}

/** yjs#713: a string whose length prefix (2,212,806 in the report) runs past the update's end. */
const stringPastTheEnd = v1Update((e) => {
  encoding.writeVarUint(e, 1); // clients
  encoding.writeVarUint(e, 1); // structs
  encoding.writeVarUint(e, 77); // client
  encoding.writeVarUint(e, 0); // clock
  encoding.writeUint8(e, 4); // info: ContentString, no origins → parent info follows
  encoding.writeVarUint(e, 1); // parent is a root type, by name
  encoding.writeVarString(e, "t");
  encoding.writeVarUint(e, 2_212_806); // the string's length…
  encoding.writeUint8Array(e, new Uint8Array([0x61, 0x62, 0x63])); // …and 3 bytes of it
});

/** A struct count of 2^32 with nothing behind it (the V1 shape of yjs#687's "huge number of structs"). */
const hugeStructCount = v1Update((e) => {
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 2 ** 32);
  encoding.writeVarUint(e, 77);
  encoding.writeVarUint(e, 0);
});

/** Overlapping delete ranges: N ranges over the same structs would cost N × structs to apply. */
const overlappingDeletes = v1Update(
  (e) => encoding.writeVarUint(e, 0),
  [
    [
      77,
      [
        [0, 100],
        [10, 100],
        [20, 100],
      ],
    ],
  ],
);

/** A frame whose update claims 2^40 bytes. */
const hugeLengthPrefix = (() => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint(e, 2 ** 40);
  encoding.writeUint8Array(e, new Uint8Array([1, 2, 3]));
  return encoding.toUint8Array(e);
})();

/** yjs#687's V2 reproduction (mergeUpdatesV2 loops forever on it). */
const issue687 = new Uint8Array(Buffer.from("00010000000001000100010200001602000001fdffffffff7f0000", "hex"));

/** Another room in use: an edit by A reaches B, and neither was disconnected. */
type Bystanders = { a: Client; b: Client; check(): Promise<void> };
async function bystanders(h: Harness): Promise<Bystanders> {
  const f = await createFixtureCase();
  const room = meetingDocName(f.meetingId);
  const a = connectClient(h, room, ticketFor(f, "caseworker"));
  const b = connectClient(h, room, ticketFor(f, "employee"));
  await waitSynced(a, b);
  let n = 0;
  return {
    a,
    b,
    async check() {
      const key = `edit-${++n}`;
      a.doc.getMap("meta").set(key, n);
      await waitFor(() => b.doc.getMap("meta").get(key) === n, "the other room's edit to arrive");
      expect(a.closes).toEqual([]);
      expect(b.closes).toEqual([]);
    },
  };
}

async function offender(h: Harness, f: FixtureCase) {
  const c = rawClient(`${h.url}/${meetingDocName(f.meetingId)}?ticket=${encodeURIComponent(ticketFor(f, "caseworker"))}`);
  await waitFor(() => c.frames.some((fr) => decodeServerFrame(fr).type === "sync"), "the greeting");
  return c;
}

describe("poison inputs close only their sender", () => {
  let h: Harness;
  let others: Bystanders;
  let f: FixtureCase;
  beforeAll(async () => {
    h = await startHarness();
    others = await bystanders(h);
    f = await createFixtureCase();
  });
  afterAll(() => h.stop());

  const big = (u: Uint8Array) => {
    // The same poison padded past the inline limit (trailing bytes are ignored by the decoder,
    // and the poison fails before reaching them), so it takes the worker path.
    const out = new Uint8Array(u.byteLength + 64 * 1024);
    out.set(u);
    return out;
  };
  const cases: [string, Uint8Array | string, number][] = [
    ["a text frame", "hello", 1003],
    ["an empty frame", new Uint8Array(0), 1007],
    ["a zero-length update (yjs#498)", syncFrame(2, new Uint8Array(0)), 1007],
    ["a zero-length SyncStep2 (yjs#498)", syncFrame(1, new Uint8Array(0)), 1007],
    ["a truncated varint in an update", syncFrame(2, new Uint8Array([0xff, 0xff])), 1007],
    ["a truncated varint in the frame", new Uint8Array([0, 0x80]), 1007],
    ["a huge length prefix", hugeLengthPrefix, 1007],
    ["the garbage of yjs#479", syncFrame(2, new Uint8Array(Buffer.from("garbagedoc", "base64"))), 1007],
    ["a string past the end (yjs#713)", syncFrame(2, stringPastTheEnd), 1007],
    ["#713 through the worker", syncFrame(2, big(stringPastTheEnd)), 1007],
    ["a struct count of 2^32", syncFrame(2, hugeStructCount), 1007],
    ["a struct count of 2^32 through the worker", syncFrame(2, big(hugeStructCount)), 1007],
    ["overlapping delete ranges", syncFrame(2, overlappingDeletes), 1007],
  ];
  for (const [what, payload, code] of cases) {
    it(`closes ${code} on ${what}`, async () => {
      const c = await offender(h, f);
      c.send(payload);
      expect((await c.closed).code).toBe(code);
      await others.check();
    });
  }

  it("takes yjs#687's V2 payload as the empty V1 update it is: nothing stored, nobody closed", async () => {
    // The server speaks V1 only and never runs the V2 decoder #687 is about. Read as V1 these
    // bytes hold no struct and no deletion: Yjs applies nothing, so nothing is stored or sent.
    expect(validateUpdate(issue687)).toEqual([]);
    const c = await offender(h, f);
    c.send(syncFrame(2, issue687));
    c.send(new Uint8Array([3])); // ask for presence: its answer proves the update was processed
    await waitFor(() => c.frames.some((fr) => decodeServerFrame(fr).type === "awareness"), "the presence answer");
    expect((await loadDocument(meetingDocName(f.meetingId)))!.storedUpdates).toBe(0);
    c.ws.close();
    await others.check();
  });

  it("stored nothing of any of them and kept serving", async () => {
    expect((await loadDocument(meetingDocName(f.meetingId)))!.storedUpdates).toBe(0);
    expect(h.server.stats().rooms).toBeGreaterThanOrEqual(1);
  });
});

describe("the decode budget", () => {
  it("terminates a decoder that never returns, closes its sender 1007, and other rooms carry on meanwhile", async () => {
    const h = await startHarness({
      decodeInlineBytes: 0, // every update through the pool, the bystanders' too
      decodeBudgetMs: 1_500,
      decodeWorkerUrl: new URL("./testing/hanging-decode-worker.mjs", import.meta.url),
      decodeWorkers: 2,
    });
    try {
      const others = await bystanders(h);
      const f = await createFixtureCase();
      const c = await offender(h, f);
      const started = performance.now();
      c.send(syncFrame(2, new Uint8Array([0xee, 1, 2, 3])));
      let closedAt = 0;
      const closed = c.closed.then((x) => ((closedAt = performance.now()), x));
      // While that worker spins, the event loop and the other worker serve the other room.
      await others.check();
      expect(closedAt).toBe(0);
      expect((await closed).code).toBe(1007);
      expect(closedAt - started).toBeGreaterThanOrEqual(1_400);
      expect(h.logs.some((l) => l.msg === "decode budget exceeded; worker terminated")).toBe(true);
      // The pool replaced the terminated worker: updates still go through.
      await others.check();
      expect(h.server.stats().rooms).toBe(2);
    } finally {
      destroyAllClients();
      await h.stop();
    }
  });

  it("decodes a large legitimate update in a worker and applies it", async () => {
    const h = await startHarness({ decodeInlineBytes: 1024 });
    try {
      const others = await bystanders(h);
      others.a.doc.getText("notes").insert(0, "x".repeat(200_000));
      await waitFor(() => others.b.doc.getText("notes").length === 200_000, "the large update to arrive");
      await others.check();
    } finally {
      destroyAllClients();
      await h.stop();
    }
  });
});

describe("validateUpdate", () => {
  it("accepts what Yjs writes and reports how far each client's structs reach", () => {
    const d = new Y.Doc();
    d.clientID = 42;
    d.getText("t").insert(0, "hello");
    d.getText("t").delete(1, 2);
    expect(validateUpdate(Y.encodeStateAsUpdate(d))).toEqual([42, 5]);
  });
});
