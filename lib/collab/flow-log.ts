import type * as Y from "yjs";
import { AppError } from "../errors";
import { flowLogArray, type LogEntry, type LogKind, type Millis } from "./flow-schema";

/**
 * A short shared change log: who moved the meeting on, what was added to the plan and the
 * actions, and when. It holds ids and small values only (never text), so nothing in it can be
 * more private than the document it points into; a late joiner's "while you were away" is read
 * from it. Entries are plain JSON pushed to a root Y.Array, so concurrent appends never conflict.
 */
export const LOG_KINDS: readonly LogKind[] = [
  "phase",
  "chair",
  "current",
  "covered",
  "round_started",
  "round_ended",
  "action_added",
  "subgoal_added",
  "activity_added",
  "agenda_added",
  "step_set",
  "next_meeting_set",
  "plan_changed",
  "subgoal_changed",
  "activity_changed",
  "action_changed",
  "agenda_changed",
  "followup_changed",
  "subgoal_removed",
  "activity_removed",
  "action_removed",
  "agenda_removed",
];

/** Kinds that say something was edited: one entry per person and thing, refreshed at most this often. */
export const CHANGE_KINDS: readonly LogKind[] = [
  "plan_changed",
  "subgoal_changed",
  "activity_changed",
  "action_changed",
  "agenda_changed",
  "followup_changed",
];
export const CHANGE_LOG_GAP_MS = 10_000;

/** The log keeps the newest entries only: a meeting writes a few hundred at most. */
export const LOG_MAX = 500;
const REF_MAX = 200;

export type NewLogEntry = { kind: LogKind; by: string; at: Millis; ref?: string | null; value?: string | number | null };

export function checkStamp(by: unknown, at: unknown): void {
  if (typeof by !== "string" || by.length === 0 || by.length > REF_MAX) {
    throw new AppError("INVALID_INPUT", "who did it must be a participant id", { by: "required" });
  }
  if (typeof at !== "number" || !Number.isFinite(at) || at < 0) {
    throw new AppError("INVALID_INPUT", "when must be a time in milliseconds", { at: "range" });
  }
}

/** Append one entry (inside the caller's transaction when there is one). */
export function logChange(doc: Y.Doc, entry: NewLogEntry): void {
  if (!LOG_KINDS.includes(entry.kind)) throw new AppError("INVALID_INPUT", "unknown log kind", { kind: "enum" });
  checkStamp(entry.by, entry.at);
  const ref = entry.ref ?? null;
  if (ref !== null && (typeof ref !== "string" || ref.length > REF_MAX))
    throw new AppError("INVALID_INPUT", "bad reference", { ref: "range" });
  const value = entry.value ?? null;
  if (value !== null && typeof value !== "number" && (typeof value !== "string" || value.length > REF_MAX)) {
    throw new AppError("INVALID_INPUT", "bad value", { value: "range" });
  }
  doc.transact(() => {
    const arr = flowLogArray(doc);
    arr.push([{ kind: entry.kind, by: entry.by, at: entry.at, ref, value }]);
    if (arr.length > LOG_MAX) arr.delete(0, arr.length - LOG_MAX);
  });
}

function isLogEntry(v: unknown): v is LogEntry {
  if (!v || typeof v !== "object") return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.kind === "string" &&
    (LOG_KINDS as readonly string[]).includes(e.kind) &&
    typeof e.by === "string" &&
    typeof e.at === "number" &&
    Number.isFinite(e.at)
  );
}

/** The log, oldest first; malformed entries (an outside tool's) are skipped. */
export function readFlowLog(doc: Y.Doc): LogEntry[] {
  const out: LogEntry[] = [];
  for (const v of flowLogArray(doc).toArray()) {
    if (!isLogEntry(v)) continue;
    const ref = typeof v.ref === "string" ? v.ref : null;
    const value = typeof v.value === "string" || typeof v.value === "number" ? v.value : null;
    out.push({ kind: v.kind, by: v.by, at: v.at, ref, value });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Note an edit (a `*_changed` kind): typing in a field is hundreds of edits, so each person keeps
 * ONE entry per thing they changed — replaced by a fresh one (its time = now) when the last is
 * older than CHANGE_LOG_GAP_MS, left alone otherwise. A change at time t is therefore told by an
 * entry with `at` in [t − gap, t]; "while you were away" reads them with that margin. Nobody else
 * writes an entry with the same `by`, so the replace never races another client.
 */
export function noteChange(doc: Y.Doc, entry: NewLogEntry): boolean {
  if (!CHANGE_KINDS.includes(entry.kind)) throw new AppError("INVALID_INPUT", "not a change kind", { kind: "enum" });
  const arr = flowLogArray(doc);
  const items = arr.toArray();
  let last = -1;
  for (let i = items.length - 1; i >= 0; i--) {
    const v = items[i];
    if (isLogEntry(v) && v.kind === entry.kind && v.by === entry.by && (v.ref ?? null) === (entry.ref ?? null)) {
      last = i;
      break;
    }
  }
  if (last >= 0 && entry.at - (items[last] as LogEntry).at < CHANGE_LOG_GAP_MS) return false;
  doc.transact(() => {
    if (last >= 0) arr.delete(last, 1);
    logChange(doc, entry);
  });
  return true;
}
