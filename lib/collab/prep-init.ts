import * as Y from "yjs";
import { PREP_NOTE_GROUPS, PREP_SCHEMA_VERSION, prepMetaMap, prepNotesMap } from "./prep-schema";

/**
 * Create the preparation document's fixed containers, once, on the server (like initMeetingDoc):
 * if two browsers each created `notes.health`, one Y.Text would win and the other's typing vanish.
 */
export function initPrepDoc(doc: Y.Doc): void {
  doc.transact(() => {
    const meta = prepMetaMap(doc);
    if (meta.get("schemaVersion") !== undefined) return;
    meta.set("schemaVersion", PREP_SCHEMA_VERSION);
    meta.set("kind", "prep");
    const notes = prepNotesMap(doc);
    for (const group of PREP_NOTE_GROUPS) notes.set(group, new Y.Text());
  });
}

export function isPrepInitialised(doc: Y.Doc): boolean {
  return prepMetaMap(doc).get("schemaVersion") !== undefined;
}
