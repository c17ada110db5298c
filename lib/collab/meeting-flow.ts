import type * as Y from "yjs";
import { AppError } from "../errors";
import { agendaArray } from "./schema";
import { readAgenda } from "./agenda";
import { findById } from "./values";
import { checkStamp, logChange } from "./flow-log";
import { flowMap, isPhase, type Millis, type Phase, type TimerState } from "./flow-schema";

/**
 * Chairing: the phase the whole room sees, who chairs, the agenda item the room is on, and a
 * timer per item kept as timestamps (start time + time already run), so every screen computes the
 * same elapsed time from its own clock and a reload loses nothing. Each value is one plain JSON
 * value under its own key of the root `flow` map: a change replaces it whole (last writer wins),
 * which is what a chair's button press means. Who may press is the UI's business (the document
 * cannot tell people apart); every change records who made it.
 */
export type Actor = { by: string; at: Millis };

const TIMER_PREFIX = "timer:";

export function setPhase(doc: Y.Doc, phase: Phase, actor: Actor): void {
  if (!isPhase(phase)) throw new AppError("INVALID_INPUT", "unknown phase", { phase: "enum" });
  checkStamp(actor.by, actor.at);
  doc.transact(() => {
    flowMap(doc).set("phase", { value: phase, at: actor.at, by: actor.by });
    logChange(doc, { kind: "phase", by: actor.by, at: actor.at, value: phase });
  });
}

/** Choose the chair for this meeting (a participant id; the caller checks the role), or clear it. */
export function setChair(doc: Y.Doc, participantId: string | null, actor: Actor): void {
  checkStamp(actor.by, actor.at);
  if (participantId !== null && (typeof participantId !== "string" || participantId.length === 0)) {
    throw new AppError("INVALID_INPUT", "the chair must be a participant", { chair: "required" });
  }
  doc.transact(() => {
    flowMap(doc).set("chair", { value: participantId, at: actor.at, by: actor.by });
    logChange(doc, { kind: "chair", by: actor.by, at: actor.at, ref: participantId });
  });
}

function agendaItemExists(doc: Y.Doc, id: string): boolean {
  try {
    findById(agendaArray(doc), id, "agenda item");
    return true;
  } catch {
    return false;
  }
}

export function readTimer(doc: Y.Doc, itemId: string): TimerState {
  return parseTimer(flowMap(doc).get(TIMER_PREFIX + itemId));
}

export function parseTimer(v: unknown): TimerState {
  if (!v || typeof v !== "object") return { startedAt: null, elapsedMs: 0 };
  const t = v as Record<string, unknown>;
  const startedAt = typeof t.startedAt === "number" && Number.isFinite(t.startedAt) ? t.startedAt : null;
  const elapsedMs = typeof t.elapsedMs === "number" && Number.isFinite(t.elapsedMs) && t.elapsedMs >= 0 ? t.elapsedMs : 0;
  return { startedAt, elapsedMs };
}

/** Time run so far on the item's timer at `now` (never negative, whatever the clocks say). */
export function elapsedMs(timer: TimerState, now: Millis): number {
  const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt);
  return timer.elapsedMs + running;
}

/**
 * How far past its timebox an item's clock is at `now`: 0 within it, null when the item has no
 * timebox. The one rule behind every "over time" the room, the phone bar, the shared screen and
 * the screen reader's announcement show.
 */
export function overTimeMs(timer: TimerState, minutes: number | null, now: Millis): number | null {
  if (minutes === null || !Number.isFinite(minutes)) return null;
  return Math.max(0, elapsedMs(timer, now) - minutes * 60_000);
}

export function startTimer(doc: Y.Doc, itemId: string, actor: Actor): void {
  checkStamp(actor.by, actor.at);
  doc.transact(() => {
    const t = readTimer(doc, itemId);
    if (t.startedAt !== null) return;
    flowMap(doc).set(TIMER_PREFIX + itemId, { startedAt: actor.at, elapsedMs: t.elapsedMs });
  });
}

export function pauseTimer(doc: Y.Doc, itemId: string, actor: Actor): void {
  checkStamp(actor.by, actor.at);
  doc.transact(() => {
    const t = readTimer(doc, itemId);
    if (t.startedAt === null) return;
    flowMap(doc).set(TIMER_PREFIX + itemId, { startedAt: null, elapsedMs: elapsedMs(t, actor.at) });
  });
}

export function resetTimer(doc: Y.Doc, itemId: string, actor: Actor): void {
  checkStamp(actor.by, actor.at);
  doc.transact(() => flowMap(doc).set(TIMER_PREFIX + itemId, { startedAt: null, elapsedMs: 0 }));
}

/** Pause every running timer except `keep` (one item's clock runs at a time). */
function pauseOthers(doc: Y.Doc, keep: string | null, actor: Actor): void {
  const map = flowMap(doc);
  for (const key of [...map.keys()]) {
    if (!key.startsWith(TIMER_PREFIX) || key === TIMER_PREFIX + keep) continue;
    const t = parseTimer(map.get(key));
    if (t.startedAt !== null) map.set(key, { startedAt: null, elapsedMs: elapsedMs(t, actor.at) });
  }
}

/**
 * Move the room to an agenda item (or to none). The previous item's clock stops and, unless told
 * otherwise, the new item's starts: "the chair moves the room on" is one press.
 */
export function setCurrentItem(doc: Y.Doc, itemId: string | null, actor: Actor, opts: { startTimer?: boolean } = {}): void {
  checkStamp(actor.by, actor.at);
  if (itemId !== null && !agendaItemExists(doc, itemId)) throw new AppError("NOT_FOUND", `agenda item ${itemId} is not in the document`);
  doc.transact(() => {
    pauseOthers(doc, itemId, actor);
    flowMap(doc).set("current", { value: itemId, at: actor.at, by: actor.by });
    if (itemId !== null && opts.startTimer !== false) startTimer(doc, itemId, actor);
    logChange(doc, { kind: "current", by: actor.by, at: actor.at, ref: itemId });
  });
}

/** Mark the current item as covered and move to the next one not yet covered (or to none). */
export function coverAndAdvance(doc: Y.Doc, actor: Actor): string | null {
  checkStamp(actor.by, actor.at);
  const current = flowMap(doc).get("current") as { value?: unknown } | undefined;
  const currentId = typeof current?.value === "string" ? current.value : null;
  let next: string | null = null;
  doc.transact(() => {
    if (currentId !== null && agendaItemExists(doc, currentId)) {
      findById(agendaArray(doc), currentId, "agenda item").map.set("done", true);
      logChange(doc, { kind: "covered", by: actor.by, at: actor.at, ref: currentId });
    }
    const items = readAgenda(doc);
    const from = currentId === null ? -1 : items.findIndex((i) => i.id === currentId);
    next = items.slice(from + 1).find((i) => !i.done)?.id ?? items.find((i) => !i.done && i.id !== currentId)?.id ?? null;
    if (next !== null) setCurrentItem(doc, next, actor);
    else {
      pauseOthers(doc, null, actor);
      flowMap(doc).set("current", { value: null, at: actor.at, by: actor.by });
    }
  });
  return next;
}

/** The chair confirms the closing check: everyone agrees and the next meeting is set. */
export function confirmClosing(doc: Y.Doc, actor: Actor): void {
  checkStamp(actor.by, actor.at);
  doc.transact(() => flowMap(doc).set("closed", { at: actor.at, by: actor.by }));
}

/** Something changed after the check (a new reservation, a new action): the check is open again. */
export function reopenClosing(doc: Y.Doc): void {
  doc.transact(() => flowMap(doc).delete("closed"));
}
