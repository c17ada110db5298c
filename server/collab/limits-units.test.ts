import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { TokenBucket } from "./token-bucket";
import { DocSizeGuard } from "./doc-size";
import { guardAwareness } from "./awareness-guard";
import { decodeBusMessage, encodeBusMessage } from "./fanout";
import { validateUpdate } from "./validate-update.mjs";

describe("TokenBucket", () => {
  it("allows a burst, then the steady rate", () => {
    let now = 0;
    const b = new TokenBucket(10, 3, () => now);
    expect([b.tryTake(), b.tryTake(), b.tryTake(), b.tryTake()]).toEqual([true, true, true, false]);
    expect(b.msUntilToken()).toBe(100);
    now = 100;
    expect(b.tryTake()).toBe(true);
    now = 10_000;
    expect(b.available).toBe(3); // never more than the burst
    expect(b.tryTake(3)).toBe(true);
    expect(b.msUntilToken(2)).toBe(200);
  });
});

describe("DocSizeGuard", () => {
  const updateOf = (doc: Y.Doc, fn: () => void) => {
    let u: Uint8Array = new Uint8Array();
    const h = (x: Uint8Array) => (u = x);
    doc.on("update", h);
    fn();
    doc.off("update", h);
    return u;
  };

  it("refuses growth past the cap, admits updates that add no struct, and remeasures an overestimate", () => {
    const doc = new Y.Doc();
    const guard = new DocSizeGuard(doc, 2_000);
    const other = new Y.Doc();
    const u1 = updateOf(other, () => other.getText("t").insert(0, "a".repeat(1_500)));
    expect(guard.admits(u1.byteLength, validateUpdate(u1))).toBe(true);
    Y.applyUpdate(doc, u1);
    guard.grew(u1.byteLength);
    const u2 = updateOf(other, () => other.getText("t").insert(0, "b".repeat(1_000)));
    expect(guard.admits(u2.byteLength, validateUpdate(u2))).toBe(false);
    // Known content (a reconnecting client's SyncStep2) adds no struct: always admitted.
    const again = Y.encodeStateAsUpdate(doc);
    expect(guard.admits(again.byteLength, validateUpdate(again))).toBe(true);
    // Deleting most of it and counting the deletion's bytes overestimates; a remeasure finds room.
    const del = updateOf(doc, () => doc.getText("t").delete(0, 1_400));
    for (let i = 0; i < 20; i++) guard.grew(del.byteLength * 10);
    expect(guard.admits(u2.byteLength, validateUpdate(u2))).toBe(true);
  });
});

describe("guardAwareness: room cap and takeover", () => {
  const me = {};
  const state = { user: { participantId: "p1" } };
  it("admits new clientIDs only while the room has room, and takes over only what it may", () => {
    const base = { participantId: "p1", controlled: new Set<number>(), self: me, maxEntries: 4 };
    const full = guardAwareness({
      ...base,
      entries: [{ clientId: 9, clock: 1, state }],
      ownerOf: () => undefined,
      roomSize: 3,
      maxRoomEntries: 3,
    });
    expect(full).toEqual({ kind: "ok", entries: [], ignored: 1 });
    const held = {};
    const takeover = (may: boolean) =>
      guardAwareness({
        ...base,
        entries: [{ clientId: 9, clock: 2, state }],
        ownerOf: () => held,
        roomSize: 3,
        maxRoomEntries: 3,
        mayTakeOver: () => may,
      });
    expect(takeover(true)).toMatchObject({ kind: "ok", ignored: 0 });
    expect(takeover(false)).toMatchObject({ kind: "ok", ignored: 1 });
  });
});

describe("bus messages", () => {
  it("round-trip updates, awareness and catch-up with the sender's id", () => {
    const updates = [new Uint8Array([1, 2]), new Uint8Array([3])];
    expect(decodeBusMessage(encodeBusMessage({ from: "i1", kind: "updates", updates }))).toEqual({ from: "i1", kind: "updates", updates });
    expect(decodeBusMessage(encodeBusMessage({ from: "i2", kind: "awareness", update: new Uint8Array([7]) }))).toEqual({
      from: "i2",
      kind: "awareness",
      update: new Uint8Array([7]),
    });
    expect(decodeBusMessage(encodeBusMessage({ from: "i3", kind: "catch-up" }))).toEqual({ from: "i3", kind: "catch-up" });
    expect(() => decodeBusMessage(new Uint8Array([9, 0]))).toThrow(/version/);
  });
});

describe("validateUpdate on mangled input (the inline fast path's premise)", () => {
  // How long it takes is measured in bench/shape-check-cost.ts, not asserted here (no stopwatch in
  // tests): here, that every one of them ends — a hang fails by the test's timeout — with an
  // answer or an Error, never with something else thrown.
  it("returns or throws an Error for each of 3,000 seeded mutations of real updates", () => {
    const d = new Y.Doc();
    d.getText("t").insert(0, "hello world");
    d.getMap("m").set("k", { a: [1, 2, "x"] });
    d.getText("t").delete(2, 3);
    const base = Y.encodeStateAsUpdate(d);
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const outcomes = { accepted: 0, refused: 0 };
    for (let i = 0; i < 3_000; i++) {
      const u = base.slice();
      for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) u[Math.floor(rnd() * u.length)] = Math.floor(rnd() * 256);
      try {
        validateUpdate(u);
        outcomes.accepted++;
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        outcomes.refused++;
      }
    }
    expect(outcomes.accepted + outcomes.refused).toBe(3_000);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
