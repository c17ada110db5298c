import * as Y from "yjs";
import { AppError } from "../errors";
import { moveTo, ordered, posAtEnd } from "./order";
import { MAY_SHARE, WHO_SAYS, sharingArray, type MayShare, type SharingItemView, type WhoSays, type WhoSaysKnown } from "./prep-schema";
import { findById, newId, str, textOf, plain } from "./values";

/**
 * "What may be shared with the workplace": items the employee and the caseworker agree on before
 * the meeting — the item, whether it may be shared, and who will say it.
 */
export type NewSharingItem = { text: string; mayShare?: MayShare; whoSays?: WhoSays; id?: string };

const MAX_WHO_SAYS = 200;

export function isMayShare(v: unknown): v is MayShare {
  return typeof v === "string" && (MAY_SHARE as readonly string[]).includes(v);
}

function isKnownWhoSays(v: unknown): v is WhoSaysKnown {
  return typeof v === "string" && (WHO_SAYS as readonly string[]).includes(v);
}

/** Stored as a plain string: a known value, or any other text (a name). Null when undecided. */
function encodeWhoSays(v: WhoSays): string | null {
  if (v === null) return null;
  if (isKnownWhoSays(v)) return v;
  if (typeof v === "object" && typeof v.other === "string") {
    if (v.other.length > MAX_WHO_SAYS) throw new AppError("INVALID_INPUT", "who says it is too long", { whoSays: "too_long" });
    // A free text that happens to equal a known value is that known value.
    return v.other;
  }
  throw new AppError("INVALID_INPUT", "unknown value for who says it", { whoSays: "enum" });
}

export function decodeWhoSays(v: unknown): WhoSays {
  if (typeof v !== "string") return null;
  return isKnownWhoSays(v) ? v : { other: v };
}

export function addSharingItem(doc: Y.Doc, input: NewSharingItem): string {
  const mayShare = input.mayShare ?? "undecided";
  if (!isMayShare(mayShare)) throw new AppError("INVALID_INPUT", "unknown value for may be shared", { mayShare: "enum" });
  const whoSays = encodeWhoSays(input.whoSays ?? null);
  const id = input.id ?? newId();
  doc.transact(() => {
    const arr = sharingArray(doc);
    const m = new Y.Map<unknown>();
    m.set("id", id);
    m.set("text", new Y.Text(input.text));
    m.set("mayShare", mayShare);
    m.set("whoSays", whoSays);
    m.set("pos", posAtEnd(arr));
    arr.push([m]);
  });
  return id;
}

export function removeSharingItem(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const arr = sharingArray(doc);
    arr.delete(findById(arr, id, "sharing item").index, 1);
  });
}

export function moveSharingItem(doc: Y.Doc, id: string, toIndex: number): void {
  doc.transact(() => {
    const arr = sharingArray(doc);
    moveTo(arr, findById(arr, id, "sharing item").map, toIndex);
  });
}

export function setMayShare(doc: Y.Doc, id: string, mayShare: MayShare): void {
  if (!isMayShare(mayShare)) throw new AppError("INVALID_INPUT", "unknown value for may be shared", { mayShare: "enum" });
  doc.transact(() => findById(sharingArray(doc), id, "sharing item").map.set("mayShare", mayShare));
}

export function setWhoSays(doc: Y.Doc, id: string, whoSays: WhoSays): void {
  const v = encodeWhoSays(whoSays);
  doc.transact(() => findById(sharingArray(doc), id, "sharing item").map.set("whoSays", v));
}

export function sharingItemText(doc: Y.Doc, id: string): Y.Text {
  return textOf(findById(sharingArray(doc), id, "sharing item").map, "text");
}

export function readSharingItems(doc: Y.Doc): SharingItemView[] {
  return ordered(sharingArray(doc)).map(({ map }) => {
    const mayShare = map.get("mayShare");
    return {
      id: plain(map.get("id")),
      text: str(map.get("text")),
      mayShare: isMayShare(mayShare) ? mayShare : "undecided",
      whoSays: decodeWhoSays(map.get("whoSays")),
    };
  });
}
