import * as Y from "yjs";
import { plain } from "./values";

/**
 * Yjs 13 cannot move an element of a Y.Array, and moving by delete + re-insert would drop edits
 * a participant makes to that item at the same moment. So list order is a number `pos` on each
 * item: sorted ascending; items without `pos` (pushed by an outside tool) follow, in array order.
 */
export type Ordered = { map: Y.Map<unknown>; index: number };

export function ordered(arr: Y.Array<Y.Map<unknown>>): Ordered[] {
  const withPos: (Ordered & { pos: number })[] = [];
  const without: Ordered[] = [];
  arr.forEach((map, index) => {
    if (!(map instanceof Y.Map)) return;
    const pos = map.get("pos");
    if (typeof pos === "number" && Number.isFinite(pos)) withPos.push({ map, index, pos });
    else without.push({ map, index });
  });
  withPos.sort((a, b) => a.pos - b.pos || plain(a.map.get("id")).localeCompare(plain(b.map.get("id"))));
  return [...withPos, ...without];
}

/** Give every item an evenly spaced `pos` in its current order (inside the caller's transaction). */
function normalise(list: Ordered[]): void {
  list.forEach((o, i) => o.map.set("pos", i + 1));
}

function needsNormalising(list: Ordered[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const pos = list[i]!.map.get("pos");
    if (typeof pos !== "number") return true;
    if (i > 0 && pos - (list[i - 1]!.map.get("pos") as number) < 1e-9) return true;
  }
  return false;
}

/** The `pos` for a new item at the end. Call inside a transaction. */
export function posAtEnd(arr: Y.Array<Y.Map<unknown>>): number {
  const list = ordered(arr);
  if (needsNormalising(list)) normalise(list);
  const last = list[list.length - 1];
  return last ? (last.map.get("pos") as number) + 1 : 1;
}

/** Move `map` so that it is shown at `toIndex` (0-based, clamped). Call inside a transaction. */
export function moveTo(arr: Y.Array<Y.Map<unknown>>, map: Y.Map<unknown>, toIndex: number): void {
  let list = ordered(arr);
  if (needsNormalising(list)) {
    normalise(list);
    list = ordered(arr);
  }
  const rest = list.filter((o) => o.map !== map);
  const i = Math.max(0, Math.min(toIndex, rest.length));
  const before = rest[i - 1]?.map.get("pos") as number | undefined;
  const after = rest[i]?.map.get("pos") as number | undefined;
  let pos: number;
  if (before === undefined && after === undefined) pos = 1;
  else if (before === undefined) pos = (after as number) - 1;
  else if (after === undefined) pos = before + 1;
  else pos = (before + after) / 2;
  map.set("pos", pos);
}
