import * as Y from "yjs";
import { AppError } from "../errors";
import { posAtEnd } from "./order";
import { reviewMap, type NewReviewItem, type ReviewBasis } from "./review";

/**
 * A follow-up meeting scheduled before a newer version was bound switches its review to that
 * version (lib/followup/switch-review-basis.ts): the basis becomes the newer version, and the
 * items follow its actions and sub-goals. An item whose action or sub-goal is in both versions is
 * kept (its outcome and comment stay; its frozen text becomes the newer wording); one that is no
 * longer agreed is removed; a new one is added. Called from the browser of the person who chooses
 * to switch; the items array exists already (the server created it), so only item maps are created.
 */
export function rebaseReview(doc: Y.Doc, basis: ReviewBasis, items: readonly NewReviewItem[]): void {
  const root = reviewMap(doc);
  const arr = root.get("items");
  if (!(arr instanceof Y.Array)) throw new AppError("NOT_FOUND", "this meeting has no review");
  const list = arr as Y.Array<Y.Map<unknown>>;
  const wanted = new Map(items.map((i) => [`${i.kind}:${i.refId}`, i]));
  doc.transact(() => {
    root.set("agreementId", basis.agreementId);
    root.set("version", basis.version);
    root.set("fingerprint", basis.fingerprint);
    const kept = new Set<string>();
    // From the end, so deleting keeps the indexes of the items still to visit.
    const present = [...list].map((map, index) => ({ map, index }));
    for (const { map, index } of present.reverse()) {
      const key = `${String(map.get("kind"))}:${String(map.get("refId"))}`;
      const next = wanted.get(key);
      if (!next || kept.has(key)) {
        list.delete(index, 1);
        continue;
      }
      kept.add(key);
      if (map.get("text") !== next.text) map.set("text", next.text);
    }
    let pos = posAtEnd(list);
    for (const it of items) {
      if (kept.has(`${it.kind}:${it.refId}`)) continue;
      const m = new Y.Map<unknown>();
      m.set("id", it.id);
      m.set("kind", it.kind);
      m.set("refId", it.refId);
      m.set("text", it.text);
      m.set("agendaItemId", it.agendaItemId);
      m.set("outcome", null);
      m.set("comment", new Y.Text());
      m.set("pos", pos++);
      list.push([m]);
    }
  });
}
