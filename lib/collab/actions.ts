import * as Y from "yjs";
import { ACTION_STATUSES, actionsArray, type ActionStatus, type ActionView } from "./schema";
import { checkDate, findById, newId, str, strOrNull, textOf, plain } from "./values";
import { moveTo, ordered, posAtEnd } from "./order";
import { AppError } from "../errors";
import { checkTextLength } from "./text-limits";

export type NewAction = { text: string; ownerId?: string | null; due?: string | null; id?: string };

/** Owners are participant ids; the model cannot know the case's participants, the caller can. */
export function addAction(doc: Y.Doc, input: NewAction): string {
  const due = checkDate("due", input.due ?? null);
  checkTextLength("text", "actionText", input.text);
  const id = input.id ?? newId();
  doc.transact(() => {
    const arr = actionsArray(doc);
    const m = new Y.Map<unknown>();
    m.set("id", id);
    m.set("text", new Y.Text(input.text));
    m.set("owner", input.ownerId ?? null);
    m.set("due", due);
    m.set("status", "open");
    m.set("pos", posAtEnd(arr));
    arr.push([m]);
  });
  return id;
}

export function removeAction(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const arr = actionsArray(doc);
    arr.delete(findById(arr, id, "action").index, 1);
  });
}

export function moveAction(doc: Y.Doc, id: string, toIndex: number): void {
  doc.transact(() => {
    const arr = actionsArray(doc);
    moveTo(arr, findById(arr, id, "action").map, toIndex);
  });
}

export function setActionOwner(doc: Y.Doc, id: string, ownerId: string | null): void {
  doc.transact(() => findById(actionsArray(doc), id, "action").map.set("owner", ownerId || null));
}

export function setActionDue(doc: Y.Doc, id: string, due: string | null): void {
  const d = checkDate("due", due);
  doc.transact(() => findById(actionsArray(doc), id, "action").map.set("due", d));
}

export function isActionStatus(v: unknown): v is ActionStatus {
  return typeof v === "string" && (ACTION_STATUSES as readonly string[]).includes(v);
}

export function setActionStatus(doc: Y.Doc, id: string, status: ActionStatus): void {
  if (!isActionStatus(status)) throw new AppError("INVALID_INPUT", "unknown action status", { status: "enum" });
  doc.transact(() => findById(actionsArray(doc), id, "action").map.set("status", status));
}

export function actionText(doc: Y.Doc, id: string): Y.Text {
  return textOf(findById(actionsArray(doc), id, "action").map, "text");
}

export function readActions(doc: Y.Doc): ActionView[] {
  return ordered(actionsArray(doc)).map(({ map }) => {
    const status = map.get("status");
    return {
      id: plain(map.get("id")),
      text: str(map.get("text")),
      ownerId: strOrNull(map.get("owner")),
      due: strOrNull(map.get("due")),
      status: isActionStatus(status) ? status : "open",
    };
  });
}
