import { describe, expect, it } from "vitest";
import { CommitQueue, type CommitTarget } from "./commit-queue";

function target(name: string): CommitTarget {
  return { name, alive: true, onCommitted: () => {}, onCommitFailed: () => {} };
}

describe("CommitQueue.stats", () => {
  it("counts committed updates and batches, and not the updates of a room whose commit failed", async () => {
    const q = new CommitQueue(
      async (rows) => {
        if (rows.some((r) => r.docName === "bad")) throw new Error("refused");
      },
      () => {},
    );
    q.enqueue(target("a"), new Uint8Array([1]));
    q.enqueue(target("a"), new Uint8Array([2]));
    q.enqueue(target("bad"), new Uint8Array([3]));
    expect(q.stats().depth).toBe(3);
    await q.whenIdle();
    const s = q.stats();
    expect(s).toMatchObject({ depth: 0, committedUpdates: 2, batches: 1 });
    expect(s.writeSeconds).toBeGreaterThanOrEqual(s.lastWriteSeconds);
  });
});
