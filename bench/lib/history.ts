import * as Y from "yjs";
import { createRng } from "./prng";

/**
 * A document history of N stored updates for S3: one participant typing notes (one character
 * per update at a random spot, every tenth update a deletion), as the meeting's notes grow. The
 * same seed always gives the same updates; `expected[N]` is the text after the first N.
 */
export type History = { updates: Uint8Array[]; expected: Map<number, string>; stateAt: Map<number, Uint8Array> };

export function makeHistory(sizes: readonly number[], seed: number): History {
  const max = Math.max(...sizes);
  const rng = createRng(seed);
  const doc = new Y.Doc();
  doc.clientID = 424242;
  const text = doc.getText("notes");
  const updates: Uint8Array[] = [];
  const expected = new Map<number, string>();
  const stateAt = new Map<number, Uint8Array>();
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const letters = "abcdefghijklmnopqrstuvwxyz      ";
  while (updates.length < max) {
    const len = text.length;
    if (len > 10 && updates.length % 10 === 9) text.delete(rng.int(0, len - 1), 1);
    else text.insert(rng.int(0, len), letters[rng.int(0, letters.length - 1)]!);
    if (sizes.includes(updates.length)) {
      expected.set(updates.length, text.toString());
      stateAt.set(updates.length, Y.encodeStateAsUpdate(doc));
    }
  }
  doc.destroy();
  return { updates, expected, stateAt };
}
