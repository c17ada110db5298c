import { describe, expect, it } from "vitest";
import { decodeAwarenessUpdate, encodeAwarenessEntries, guardAwareness, stampIdentity, type AwarenessEntry } from "./awareness-guard";

describe("guardAwareness", () => {
  const me = {};
  const other = {};
  const state = (participantId: string) => ({ user: { participantId, name: "x" } });
  const run = (entries: AwarenessEntry[], owners = new Map<number, object>(), controlled = new Set<number>()) =>
    guardAwareness({ entries, participantId: "p1", controlled, ownerOf: (id) => owners.get(id), self: me, maxEntries: 4 });

  it("refuses a frame claiming another participant", () => {
    expect(run([{ clientId: 1, clock: 1, state: state("p2") }]).kind).toBe("spoof");
    expect(run([{ clientId: 1, clock: 1, state: { user: "p1" } }]).kind).toBe("spoof");
  });
  it("lets a state without identity through", () => {
    expect(run([{ clientId: 1, clock: 1, state: {} }])).toEqual({
      kind: "ok",
      entries: [{ clientId: 1, clock: 1, state: {} }],
      ignored: 0,
    });
  });
  it("ignores entries owned by another connection and new ones beyond the cap", () => {
    const entries = [1, 2, 3, 4, 5, 6].map((clientId) => ({ clientId, clock: 1, state: state("p1") }));
    const v = run(entries, new Map([[1, other]]));
    expect(v.kind === "ok" && v.entries.map((e) => e.clientId)).toEqual([2, 3, 4, 5]);
  });
  it("skips a peer's presence echoed back by the stock client without calling it a spoof", () => {
    // y-websocket re-broadcasts every remote presence change it receives: the entry belongs to
    // another connection and names that connection's participant.
    const v = run([{ clientId: 1, clock: 5, state: state("p2") }], new Map([[1, other]]));
    expect(v).toEqual({ kind: "ok", entries: [], ignored: 1 });
  });
  it("round-trips the wire encoding and rejects non-object states", () => {
    const entries = [
      { clientId: 7, clock: 3, state: state("p1") },
      { clientId: 8, clock: 1, state: null },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessEntries(entries))).toEqual(entries);
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, state: 5 }]))).toThrow();
  });
});

describe("stampIdentity", () => {
  const me = { participantId: "p1", name: "Lars Nielsen", role: "manager", color: "#047857" };
  it("replaces name, role, colour and any extra field of `user` with the participant record's, and keeps the rest", () => {
    const forged = {
      user: { participantId: "p1", name: "Mette Sørensen", role: "caseworker", color: "#000", html: "<b>x</b>" },
      editing: "plan.goal",
    };
    expect(stampIdentity([{ clientId: 1, clock: 2, state: forged }], me)).toEqual([
      { clientId: 1, clock: 2, state: { user: me, editing: "plan.goal" } },
    ]);
  });
  it("stamps a malformed `user` too, and leaves states without one (and removals) alone", () => {
    expect(stampIdentity([{ clientId: 1, clock: 1, state: { user: "Mette" } }], me)[0]!.state).toEqual({ user: me });
    const plain = [
      { clientId: 2, clock: 1, state: {} },
      { clientId: 3, clock: 4, state: null },
    ];
    expect(stampIdentity(plain, me)).toEqual(plain);
  });
});
