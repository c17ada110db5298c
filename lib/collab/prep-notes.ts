import * as Y from "yjs";
import { AppError } from "../errors";
import { isPlainText } from "./values";
import { PREP_NOTE_GROUPS, prepNotesMap, type PrepNoteGroup } from "./prep-schema";

export function isPrepNoteGroup(v: unknown): v is PrepNoteGroup {
  return typeof v === "string" && (PREP_NOTE_GROUPS as readonly string[]).includes(v);
}

/** The Y.Text of one group of preparation notes, for binding to a text field. */
export function prepNoteText(doc: Y.Doc, group: PrepNoteGroup): Y.Text {
  if (!isPrepNoteGroup(group)) throw new AppError("INVALID_INPUT", "unknown preparation group", { group: "enum" });
  const t = prepNotesMap(doc).get(group);
  // Created by initPrepDoc on the server; a client never creates it (see prep-init.ts).
  if (!isPlainText(t)) throw new AppError("NOT_FOUND", `notes.${group} is not in the document`);
  return t;
}
