/**
 * Keep the parts of `next` that are deep-equal to `prev` as `prev`'s objects, so memoised
 * components only re-render for the item that actually changed (one keystroke in one agenda
 * title re-renders that item, not the whole room). Plain JSON data only.
 */
export function shareStructure<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((v, i) => {
      const shared = i < prev.length ? shareStructure(prev[i], v) : v;
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return (same ? prev : out) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const prevKeys = Object.keys(prev);
    const nextKeys = Object.keys(next);
    let same = prevKeys.length === nextKeys.length;
    const out: Record<string, unknown> = {};
    for (const k of nextKeys) {
      const shared = k in prev ? shareStructure(prev[k], next[k]) : next[k];
      if (shared !== prev[k] || !(k in prev)) same = false;
      out[k] = shared;
    }
    return (same ? prev : out) as T;
  }
  return next;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}
