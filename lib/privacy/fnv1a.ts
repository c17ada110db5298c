/**
 * FNV-1a, 32 bit, as 8 hex digits: a short, stable name for a text, not a secret. One piece for
 * every "has this text changed" key (an agenda item's text, a flagged passage).
 */
export function fnv1a(s: string, seed = 0x811c9dc5): string {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
