import type * as Y from "yjs";
import { PREP_NOTE_GROUPS, prepMetaMap, prepNotesMap, type PrepDocView, type PrepNoteGroup } from "./prep-schema";
import { readSharingItems } from "./prep-sharing";
import { str } from "./values";

/** The whole preparation document as plain data (for the UI and for tests). */
export function readPrepDoc(doc: Y.Doc): PrepDocView {
  const notesMap = prepNotesMap(doc);
  const notes = {} as Record<PrepNoteGroup, string>;
  for (const g of PREP_NOTE_GROUPS) notes[g] = str(notesMap.get(g));
  const version = prepMetaMap(doc).get("schemaVersion");
  return {
    schemaVersion: typeof version === "number" ? version : 0,
    notes,
    sharing: readSharingItems(doc),
  };
}
