import { describe, expect, it, vi } from "vitest";
import { CommitQueue, type CommitTarget } from "./commit-queue";
import { isTransientDbError } from "./transient-error";

type Row = { docName: string; data: Uint8Array };

function target(name: string) {
  const t = {
    name,
    alive: true,
    committed: [] as number[],
    failures: 0,
    onCommitted: (n: number) => void t.committed.push(n),
    onCommitFailed: () => {
      t.failures++;
      t.alive = false;
    },
  };
  return t satisfies CommitTarget;
}

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const bytes = (n: number) => new Uint8Array([n]);

describe("CommitQueue", () => {
  it("writes the updates of one event-loop turn, across rooms, in one call", async () => {
    const calls: Row[][] = [];
    const q = new CommitQueue(
      async (rows) => void calls.push(rows),
      () => {},
    );
    const a = target("a");
    const b = target("b");
    q.enqueue(a, bytes(1));
    q.enqueue(b, bytes(2));
    q.enqueue(a, bytes(3));
    expect(q.pending).toBe(3);
    await q.whenIdle();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((r) => [r.docName, r.data[0]])).toEqual([
      ["a", 1],
      ["b", 2],
      ["a", 3],
    ]);
    expect(a.committed).toEqual([2]);
    expect(b.committed).toEqual([1]);
    expect(q.pending).toBe(0);
  });

  it("keeps one write in flight; what arrives meanwhile is the next batch, in order", async () => {
    const gates: ReturnType<typeof deferred>[] = [];
    const calls: number[][] = [];
    const q = new CommitQueue(
      (rows) => {
        calls.push(rows.map((r) => r.data[0]!));
        const g = deferred();
        gates.push(g);
        return g.promise;
      },
      () => {},
    );
    const a = target("a");
    q.enqueue(a, bytes(1));
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual([[1]]);
    q.enqueue(a, bytes(2));
    q.enqueue(a, bytes(3));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual([[1]]); // still waiting for the first commit
    expect(q.pending).toBe(3);
    gates[0]!.resolve();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(a.committed).toEqual([1]);
    expect(calls).toEqual([[1], [2, 3]]);
    gates[1]!.resolve();
    await q.whenIdle();
    expect(a.committed).toEqual([1, 2]);
  });

  it("fails every room of a failed batch and drops their later queued updates", async () => {
    const gates: ReturnType<typeof deferred>[] = [];
    const calls: string[][] = [];
    const q = new CommitQueue(
      (rows) => {
        calls.push(rows.map((r) => r.docName));
        const g = deferred();
        gates.push(g);
        return g.promise;
      },
      () => {},
    );
    const a = target("a");
    const b = target("b");
    q.enqueue(a, bytes(1));
    await new Promise((r) => setImmediate(r));
    q.enqueue(a, bytes(2)); // depends on the update that is about to fail
    q.enqueue(b, bytes(3));
    gates[0]!.reject(new Error("disk full"));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(a.failures).toBe(1);
    expect(a.committed).toEqual([]);
    gates[1]!.resolve();
    await q.whenIdle();
    expect(calls).toEqual([["a"], ["b"]]);
    expect(b.committed).toEqual([1]);
  });
});

describe("CommitQueue isolation", () => {
  it("fails only the room whose rows the database refuses", async () => {
    const calls: string[][] = [];
    const q = new CommitQueue(
      async (rows) => {
        calls.push(rows.map((r) => r.docName));
        if (rows.some((r) => r.docName === "deleted")) throw new Error("foreign key violation");
      },
      () => {},
    );
    const a = target("a");
    const gone = target("deleted");
    const b = target("b");
    q.enqueue(a, bytes(1));
    q.enqueue(gone, bytes(2));
    q.enqueue(b, bytes(3));
    q.enqueue(a, bytes(4));
    await q.whenIdle();
    expect(calls).toEqual([["a", "deleted", "b", "a"], ["a", "a"], ["deleted"], ["b"]]);
    expect(a.committed).toEqual([2]);
    expect(b.committed).toEqual([1]);
    expect(gone.failures).toBe(1);
  });

  it("fails every room when the database refuses every row", async () => {
    const q = new CommitQueue(
      async () => {
        throw new Error("permission denied");
      },
      () => {},
    );
    const a = target("a");
    const b = target("b");
    q.enqueue(a, bytes(1));
    q.enqueue(b, bytes(2));
    await q.whenIdle();
    expect([a.failures, b.failures]).toEqual([1, 1]);
  });
});

/** An error as postgres.js reports a refused connection. */
const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("CommitQueue when the database is away", () => {
  it("holds the batch, reports unhealthy and refuses joins, and commits everything in order once it is back", async () => {
    let away = true;
    const written: number[] = [];
    let attempts = 0;
    const q = new CommitQueue(
      async (rows) => {
        attempts++;
        if (away) throw refused();
        written.push(...rows.map((r) => r.data[0]!));
      },
      () => {},
      { maxUpdates: 100, maxBytes: 1e6, maxRoomUpdates: 100, maxRoomBytes: 1e6, joinRefuseAgeMs: Infinity },
    );
    const a = target("a");
    q.enqueue(a, bytes(1));
    q.enqueue(a, bytes(2));
    await vi.waitFor(() => expect(attempts).toBeGreaterThanOrEqual(2));
    expect(q.healthy).toBe(false);
    expect(q.failure).toMatch(/ECONNREFUSED/);
    expect(q.admitsJoin()).toBe(false);
    expect(a.failures).toBe(0);
    expect(a.committed).toEqual([]);
    q.enqueue(a, bytes(3));
    away = false;
    await q.whenIdle();
    expect(written).toEqual([1, 2, 3]);
    expect(a.committed.reduce((x, y) => x + y, 0)).toBe(3);
    expect(a.failures).toBe(0);
    expect(q.healthy).toBe(true);
    expect(q.pending).toBe(0);
  });

  it("treats a constraint violation as a refusal of those rows, and a lost connection as transient", () => {
    expect(isTransientDbError(refused())).toBe(true);
    expect(isTransientDbError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(
      true,
    );
    expect(isTransientDbError({ message: "wrapped", cause: { code: "CONNECTION_CLOSED" } })).toBe(true);
    expect(isTransientDbError(Object.assign(new Error("fk"), { code: "23503" }))).toBe(false);
    expect(isTransientDbError(new Error("boom"))).toBe(false);
  });
});

describe("CommitQueue bounds", () => {
  const limits = { maxUpdates: 5, maxBytes: 1e6, maxRoomUpdates: 3, maxRoomBytes: 1e6, joinRefuseAgeMs: Infinity };

  it("admits a room's update only below the room's and the server's bound, and wakes waiters after a commit", async () => {
    const gate = deferred();
    const q = new CommitQueue(
      () => gate.promise,
      () => {},
      limits,
    );
    const a = target("a");
    const b = target("b");
    for (let i = 0; i < 3; i++) q.enqueue(a, bytes(i));
    expect(q.admits(a)).toBe(false); // the room's bound
    expect(q.admits(b)).toBe(true);
    q.enqueue(b, bytes(9));
    expect(q.admitsJoin()).toBe(false); // past a quarter of the server's bound
    q.enqueue(b, bytes(9));
    expect(q.admits(b)).toBe(false); // the server's bound
    let woken = 0;
    q.whenSpace(() => woken++);
    gate.resolve();
    await q.whenIdle();
    expect(woken).toBe(1);
    expect(q.admits(a) && q.admits(b) && q.admitsJoin()).toBe(true);
    expect(q.peak.updates).toBe(5);
  });

  it("refuses joins while the oldest update has waited longer than joinRefuseAgeMs", async () => {
    const gate = deferred();
    const q = new CommitQueue(
      () => gate.promise,
      () => {},
      { ...limits, joinRefuseAgeMs: 1 },
    );
    expect(q.admitsJoin()).toBe(true);
    q.enqueue(target("a"), bytes(1));
    await vi.waitFor(() => expect(q.ageMs()).toBeGreaterThan(1));
    expect(q.admitsJoin()).toBe(false);
    gate.resolve();
    await q.whenIdle();
    expect(q.admitsJoin()).toBe(true);
  });

  it("counts bytes as well as updates", () => {
    const q = new CommitQueue(
      () => new Promise<void>(() => {}),
      () => {},
      { ...limits, maxRoomUpdates: 100, maxUpdates: 100, maxRoomBytes: 10, maxBytes: 15 },
    );
    const a = target("a");
    const b = target("b");
    q.enqueue(a, new Uint8Array(10));
    expect(q.admits(a)).toBe(false);
    expect(q.admits(b)).toBe(true);
    q.enqueue(b, new Uint8Array(5));
    expect(q.admits(b)).toBe(false);
    expect(q.pendingBytes).toBe(15);
  });
});
