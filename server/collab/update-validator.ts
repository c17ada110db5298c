import { inspectUpdate } from "./validate-update.mjs";
import { DecodePool, type Validation } from "./decode-pool";
import type { ResolvedOptions } from "./options";

/**
 * Where an untrusted update is decoded. Small ones (≤ decodeInlineBytes) on the event loop: V1
 * decoding is linear in the frame (every loop in Yjs's V1 reader and lib0's decoder consumes at
 * least one byte per iteration or throws at the end of the buffer — the lib0#43 fix for yjs#479
 * and #498), so a 32 KiB frame costs well under a millisecond and sending it to a thread would
 * cost more than decoding it. Larger ones go to the DecodePool with its time budget: they would
 * stall every room for milliseconds, and should an undiscovered decoder bug loop, only a worker
 * can be stopped. The reasoning is in docs/collab-server.md ("Decoding untrusted updates").
 */
export class UpdateValidator {
  private readonly pool: DecodePool;

  constructor(
    private readonly opts: Pick<ResolvedOptions, "decodeInlineBytes" | "decodeWorkers" | "decodeBudgetMs" | "decodeWorkerUrl" | "log">,
  ) {
    this.pool = new DecodePool({ size: opts.decodeWorkers, budgetMs: opts.decodeBudgetMs, workerUrl: opts.decodeWorkerUrl, log: opts.log });
  }

  /** Synchronous for small updates (the common case keeps its order and its speed), a promise for large ones. */
  validate(update: Uint8Array): Validation | Promise<Validation> {
    if (update.byteLength > this.opts.decodeInlineBytes) return this.pool.validate(update);
    try {
      const { ends, decoded } = inspectUpdate(update);
      return { ok: true, ends, decoded };
    } catch (e) {
      return { ok: false, error: String(e) };
    }
  }

  get workers(): number {
    return this.pool.workers;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
