// Plain JavaScript on purpose: this module also runs inside the decode worker thread
// (decode-worker.mjs), which neither tsx nor Vitest transforms. Types: validate-update.d.mts.
import * as Y from "yjs";

/**
 * Decode one untrusted V1 update completely, without applying it, and check what Yjs itself
 * does not: every clock range is a safe integer, and each client's delete ranges are sorted and
 * do not overlap. Yjs writes delete sets sorted and merged; overlapping ranges are never produced
 * by a real client, but applying N ranges that all span the same M structs costs N×M (each range
 * walks its structs), so a 1 MiB frame of them could block the event loop for minutes.
 *
 * Returns, flattened, `[client, endClock, client, endClock, …]`: the highest clock each client's
 * structs reach, so the caller can tell whether the update adds anything to a document (its
 * state vector) before applying it. Throws on anything malformed.
 *
 * @param {Uint8Array} update
 * @returns {number[]}
 */
export function validateUpdate(update) {
  return inspectUpdate(update).ends;
}

/**
 * validateUpdate, also returning the decoded update, so that the shape check on the event loop
 * (lib/collab/update-shape.ts) does not decode it a second time.
 *
 * @param {Uint8Array} update
 * @returns {{ ends: number[]; decoded: ReturnType<typeof Y.decodeUpdate> }}
 */
export function inspectUpdate(update) {
  const decoded = Y.decodeUpdate(update);
  const { structs, ds } = decoded;
  /** @type {Map<number, number>} */
  const ends = new Map();
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    const end = s.id.clock + s.length;
    if (!Number.isSafeInteger(end) || s.length < 0) throw new Error("struct clock out of range");
    if (end > (ends.get(s.id.client) ?? 0)) ends.set(s.id.client, end);
  }
  for (const ranges of ds.clients.values()) {
    let prevEnd = 0;
    for (const r of ranges) {
      const end = r.clock + r.len;
      if (!Number.isSafeInteger(end)) throw new Error("delete range out of range");
      if (r.clock < prevEnd) throw new Error("delete ranges overlap or are unsorted");
      prevEnd = end;
    }
  }
  return { ends: [...ends].flat(), decoded };
}
