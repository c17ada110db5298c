import * as Y from "yjs";
import { agendaArray, type AgendaItemView } from "./schema";
import { checkInteger, findById, isFragment, newId, numOrNull, plain, str, textOf } from "./values";
import { fragmentText } from "./xml-walk";
import { moveTo, ordered, posAtEnd } from "./order";
import { AppError } from "../errors";
import { TEXT_LIMITS } from "./text-limits";

export const AGENDA_TITLE_MAX = TEXT_LIMITS.agendaTitle;
export const TIMEBOX_MAX_MINUTES = 480;

export type NewAgendaItem = { title: string; minutes?: number | null; id?: string };

/** Add an item at the end of the agenda; returns its id. */
export function addAgendaItem(doc: Y.Doc, input: NewAgendaItem): string {
  const title = input.title.trim();
  if (title.length > AGENDA_TITLE_MAX) {
    throw new AppError("INVALID_INPUT", "agenda title is too long", { title: "too_long" });
  }
  const minutes = checkInteger("minutes", input.minutes ?? null, 1, TIMEBOX_MAX_MINUTES);
  const id = input.id ?? newId();
  doc.transact(() => {
    const arr = agendaArray(doc);
    const item = new Y.Map<unknown>();
    item.set("id", id);
    item.set("title", new Y.Text(title));
    item.set("minutes", minutes);
    item.set("done", false);
    item.set("notes", new Y.XmlFragment());
    item.set("pos", posAtEnd(arr));
    arr.push([item]);
  });
  return id;
}

export function removeAgendaItem(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const { index } = findById(agendaArray(doc), id, "agenda item");
    agendaArray(doc).delete(index, 1);
  });
}

/** Show the item at `toIndex` of the agenda as displayed. */
export function moveAgendaItem(doc: Y.Doc, id: string, toIndex: number): void {
  doc.transact(() => {
    const arr = agendaArray(doc);
    moveTo(arr, findById(arr, id, "agenda item").map, toIndex);
  });
}

export function setAgendaItemMinutes(doc: Y.Doc, id: string, minutes: number | null): void {
  const m = checkInteger("minutes", minutes, 1, TIMEBOX_MAX_MINUTES);
  doc.transact(() => findById(agendaArray(doc), id, "agenda item").map.set("minutes", m));
}

export function setAgendaItemDone(doc: Y.Doc, id: string, done: boolean): void {
  doc.transact(() => findById(agendaArray(doc), id, "agenda item").map.set("done", done === true));
}

export function agendaTitleText(doc: Y.Doc, id: string): Y.Text {
  return textOf(findById(agendaArray(doc), id, "agenda item").map, "title");
}

/**
 * Give an item its notes fragment when it has none (items pushed by an outside tool may lack it).
 * Done on a person's explicit click, never automatically, so two clients rarely race to create it.
 */
export function addAgendaNotes(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const { map } = findById(agendaArray(doc), id, "agenda item");
    if (!isFragment(map.get("notes"))) map.set("notes", new Y.XmlFragment());
  });
}

/** The Tiptap (y-prosemirror) fragment holding the item's rich-text notes. */
export function agendaNotesFragment(doc: Y.Doc, id: string): Y.XmlFragment {
  const notes = findById(agendaArray(doc), id, "agenda item").map.get("notes");
  if (!isFragment(notes)) throw new AppError("NOT_FOUND", "agenda item has no notes");
  return notes;
}

export function readAgenda(doc: Y.Doc): AgendaItemView[] {
  return ordered(agendaArray(doc)).map(({ map }) => ({
    id: plain(map.get("id")),
    title: str(map.get("title")),
    minutes: numOrNull(map.get("minutes")),
    done: map.get("done") === true,
    hasNotes: isFragment(map.get("notes")),
    notesText: fragmentText(map.get("notes")),
  }));
}
