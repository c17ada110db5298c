import * as Y from "yjs";
import * as encoding from "lib0/encoding";

/**
 * The crafted updates of issue 12, attack 3, built the way the attacker did: a stock Yjs client
 * that starts from the room's current state and writes what the app never would. Each returns
 * only the difference to `state` (what it would send). Test support, not a test.
 */
function craft(state: Uint8Array, write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => write(doc));
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** `plan.goal` replaced by a number (a later write on the same key wins in every replica). */
export function goalAsNumber(state: Uint8Array): Uint8Array {
  return craft(state, (doc) => doc.getMap("plan").set("goal", 42));
}

/** A new action whose `text` is null instead of a Y.Text. */
export function actionWithNullText(state: Uint8Array): Uint8Array {
  return craft(state, (doc) => {
    const m = new Y.Map<unknown>();
    m.set("id", "attack-action");
    m.set("text", null);
    m.set("status", "open");
    m.set("pos", 1);
    doc.getArray("actions").push([m]);
  });
}

/** `followUp.howOften` replaced by an array. */
export function howOftenAsArray(state: Uint8Array): Uint8Array {
  return craft(state, (doc) => doc.getMap("followUp").set("howOften", ["every", "week"]));
}

/**
 * `levels` lists nested inside each other (bulletList > listItem > bulletList …) in the notes of
 * the first agenda item that has notes; 3,000 levels make the ~120 KB update of the report.
 */
export function deeplyNestedNote(state: Uint8Array, levels = 3_000): Uint8Array {
  return craft(state, (doc) => {
    const item = doc
      .getArray<Y.Map<unknown>>("agenda")
      .toArray()
      .find((m) => m.get("notes") instanceof Y.XmlFragment);
    if (!item) throw new Error("no agenda item with notes to attack");
    let parent: Y.XmlFragment = item.get("notes") as Y.XmlFragment;
    for (let i = 0; i < levels; i++) {
      const list = new Y.XmlElement("bulletList");
      parent.insert(parent.length, [list]);
      const li = new Y.XmlElement("listItem");
      list.insert(0, [li]);
      parent = li;
    }
    const p = new Y.XmlElement("paragraph");
    parent.insert(0, [p]);
    p.insert(0, [new Y.XmlText("deep")]);
  });
}

/**
 * What deleting one struct sends (a delete set, no structs): e.g. removing the agenda item whose
 * notes were nested thousands of levels deep before the server checked shapes — Yjs deletes a
 * shared type's content recursively, so applying it overflows the stack.
 */
export function deletionOf(id: Y.ID): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set…
  encoding.writeVarUint(e, id.client);
  encoding.writeVarUint(e, 1); // …with one range
  encoding.writeVarUint(e, id.clock);
  encoding.writeVarUint(e, 1);
  return encoding.toUint8Array(e);
}
