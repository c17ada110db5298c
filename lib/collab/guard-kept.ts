import type * as Y from "yjs";
import { passageKey } from "../privacy/flagged-passages";
import { checkStamp } from "./flow-log";

/**
 * "Leave it": the employee or the caseworker looked at a passage the diagnosis guard flagged and
 * chose to keep it in the shared text. Until then the shared screen masks it (the room shows a
 * notice beside the field). A root Y.Map (created by name on every client alike, like the flow
 * roots): key = passageKey(excerpt) — never the text itself — value `{ by, at }`. Whoever writes
 * it, only a mark by the employee or the caseworker counts (keptByDecider).
 */
export const GUARD_KEPT_ROOT = "guardKept";

export type KeptMark = { by: string; at: number };

export function guardKeptMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(GUARD_KEPT_ROOT);
}

export function keepFlaggedPassage(doc: Y.Doc, excerpt: string, actor: { by: string; at: number }): string {
  checkStamp(actor.by, actor.at);
  const key = passageKey(excerpt);
  guardKeptMap(doc).set(key, { by: actor.by, at: actor.at });
  return key;
}

/** Every mark, malformed values (an outside tool's) skipped. */
export function readKeptPassages(doc: Y.Doc): Record<string, KeptMark> {
  const out: Record<string, KeptMark> = {};
  guardKeptMap(doc).forEach((v, k) => {
    if (!v || typeof v !== "object") return;
    const { by, at } = v as Record<string, unknown>;
    if (typeof by === "string" && typeof at === "number" && Number.isFinite(at)) out[k] = { by, at };
  });
  return out;
}

/** Was the passage kept by someone who may decide (the employee or the caseworker)? */
export function keptByDecider(marks: Record<string, KeptMark>, key: string, mayDecide: (participantId: string) => boolean): boolean {
  const m = marks[key];
  return m !== undefined && mayDecide(m.by);
}
