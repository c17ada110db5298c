import * as Y from "yjs";

/**
 * The document size cap of one room. Measuring the encoded document exactly is O(document), too
 * dear per keystroke, so the guard keeps an estimate: the exact size when first needed, plus the
 * bytes of every update the document has taken since (deletions make it an overestimate). Only
 * when the estimate says "full" is the document measured again, and at most once per 1/16 of the
 * cap of growth, so a room at its cap does not encode itself on every refused update.
 *
 * An update that adds nothing (every struct already below the document's state vector: a
 * reconnecting client's SyncStep2, a pure deletion) is always admitted, so a full room can still
 * be joined and emptied. Structs Yjs keeps pending (missing dependencies) count too: they take
 * memory whether or not they ever integrate.
 */
export class DocSizeGuard {
  private estimate = -1;
  private measuredAt = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxBytes: number,
  ) {}

  /** The document took an update (whatever its origin). */
  grew(bytes: number): void {
    if (this.estimate >= 0) this.estimate += bytes;
  }

  /**
   * May `bytes` of update, whose structs reach `ends` ([client, endClock, …] from validation),
   * be applied without the document passing the cap?
   */
  admits(bytes: number, ends: readonly number[]): boolean {
    if (!this.addsStructs(ends)) return true;
    if (this.estimate < 0) this.measure();
    if (this.total() + bytes <= this.maxBytes) return true;
    if (this.estimate - this.measuredAt >= this.maxBytes / 16) this.measure();
    return this.total() + bytes <= this.maxBytes;
  }

  /** The current estimate in bytes (tests). */
  get bytes(): number {
    if (this.estimate < 0) this.measure();
    return this.total();
  }

  private addsStructs(ends: readonly number[]): boolean {
    for (let i = 0; i + 1 < ends.length; i += 2) {
      if (ends[i + 1]! > Y.getState(this.doc.store, ends[i]!)) return true;
    }
    return false;
  }

  private total(): number {
    const store = this.doc.store;
    return this.estimate + (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
  }

  private measure(): void {
    this.estimate = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.measuredAt = this.estimate;
  }
}
