import { describe, expect, it } from "vitest";
import { CommitQueue, type CommitTarget } from "./commit-queue";

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
    const q = new CommitQueue(async (rows) => void calls.push(rows), () => {});
    const a = target("a");
    const b = target("b");
    q.enqueue(a, bytes(1));
    q.enqueue(b, bytes(2));
    q.enqueue(a, bytes(3));
    expect(q.pending).toBe(3);
    await q.whenIdle();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((r) => [r.docName, r.data[0]])).toEqual([["a", 1], ["b", 2], ["a", 3]]);
    expect(a.committed).toEqual([2]);
    expect(b.committed).toEqual([1]);
    expect(q.pending).toBe(0);
  });

  it("keeps one write in flight; what arrives meanwhile is the next batch, in order", async () => {
    const gates: ReturnType<typeof deferred>[] = [];
    const calls: number[][] = [];
    const q = new CommitQueue((rows) => {
      calls.push(rows.map((r) => r.data[0]!));
      const g = deferred();
      gates.push(g);
      return g.promise;
    }, () => {});
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
    const q = new CommitQueue((rows) => {
      calls.push(rows.map((r) => r.docName));
      const g = deferred();
      gates.push(g);
      return g.promise;
    }, () => {});
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
    const q = new CommitQueue(async (rows) => {
      calls.push(rows.map((r) => r.docName));
      if (rows.some((r) => r.docName === "deleted")) throw new Error("foreign key violation");
    }, () => {});
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

  it("fails every room when the database is down", async () => {
    const q = new CommitQueue(async () => {
      throw new Error("connection refused");
    }, () => {});
    const a = target("a");
    const b = target("b");
    q.enqueue(a, bytes(1));
    q.enqueue(b, bytes(2));
    await q.whenIdle();
    expect([a.failures, b.failures]).toEqual([1, 1]);
  });
});
