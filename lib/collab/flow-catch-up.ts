import { meetingStartedAt, type ClosingCheck, type ConsentItem } from "./flow-closing";
import { CHANGE_KINDS, CHANGE_LOG_GAP_MS } from "./flow-log";
import type { LogEntry, LogKind, Millis, Phase } from "./flow-schema";

/**
 * "While you were away": what others did in the meeting after a moment, read from the shared
 * change log. Pure: the UI adds names and the items' current texts.
 */
export type CatchUp = {
  since: Millis;
  /** Agenda items marked as covered, in the order it happened, with who did it. */
  covered: LogEntry[];
  /** The step the meeting moved to last, if it moved. */
  phase: Phase | null;
  /** Added to the plan (sub-goals, activities), the actions, the agenda; step and next meeting set. */
  added: LogEntry[];
  /** Edited (the goal, a sub-goal, an action …): one per thing and person, the latest; not what was added or removed meanwhile. */
  changed: LogEntry[];
  /** Removed from the plan, the actions or the agenda. */
  removed: LogEntry[];
  /** Everyone who did any of it. */
  by: string[];
  empty: boolean;
};

const ADDED: readonly LogKind[] = ["subgoal_added", "activity_added", "action_added", "agenda_added", "step_set", "next_meeting_set"];
const REMOVED: readonly LogKind[] = ["subgoal_removed", "activity_removed", "action_removed", "agenda_removed"];

/**
 * What others did after `since` (and up to `until`, when the person came back: what happens while
 * they are here they see for themselves).
 */
export function catchUpSince(log: readonly LogEntry[], since: Millis, me: string, until: Millis = Infinity): CatchUp {
  // An edit entry is refreshed at most every CHANGE_LOG_GAP_MS, so one made just after `since`
  // may carry a time just before it: those are read with that margin (saying once too often that
  // someone changed the goal is better than not saying it).
  const recent = log.filter(
    (e) => e.by !== me && e.at <= until && (e.at > since || (CHANGE_KINDS.includes(e.kind) && e.at > since - CHANGE_LOG_GAP_MS)),
  );
  const covered = recent.filter((e) => e.kind === "covered");
  const phases = recent.filter((e) => e.kind === "phase");
  // A setting changed several times (a date typed digit by digit) is told once, as it ended up.
  const lastOfSetting = new Map<LogKind, LogEntry>();
  for (const e of recent) if (e.kind === "step_set" || e.kind === "next_meeting_set") lastOfSetting.set(e.kind, e);
  const added = recent.filter((e) => ADDED.includes(e.kind) && (!lastOfSetting.has(e.kind) || lastOfSetting.get(e.kind) === e));
  const removed = recent.filter((e) => REMOVED.includes(e.kind));
  // What was added or removed meanwhile is told as that; an edit is told once per thing, as the last one.
  const addedOrGone = new Set([...added, ...removed].map((e) => e.ref));
  const lastChange = new Map<string, LogEntry>();
  for (const e of recent) if (CHANGE_KINDS.includes(e.kind) && !addedOrGone.has(e.ref)) lastChange.set(`${e.kind}:${e.ref}`, e);
  const changed = [...lastChange.values()].sort((a, b) => a.at - b.at);
  const lastPhase = phases.at(-1)?.value;
  const by = [...new Set([...covered, ...phases, ...added, ...changed, ...removed].map((e) => e.by))];
  return {
    since,
    covered,
    phase: typeof lastPhase === "string" ? (lastPhase as Phase) : null,
    added,
    changed,
    removed,
    by,
    empty: covered.length === 0 && phases.length === 0 && added.length === 0 && changed.length === 0 && removed.length === 0,
  };
}

/**
 * The items this person had marked ("agree" / "has reservations") whose text changed after they
 * marked them: their mark no longer counts and they are asked to mark again. Read from the
 * closing check, the same rule the closing step applies.
 */
export function marksToRenew(check: Pick<ClosingCheck, "perItem">, me: string): ConsentItem[] {
  return check.perItem.filter((c) => c.states[me] === "changed").map((c) => c.item);
}

/**
 * From when a person arriving now should be told what happened: since they were last connected
 * (their heartbeat in `seen`), else since the meeting began; null when there is nothing to catch
 * up on (the meeting has not begun).
 */
export function catchUpStart(input: { log: readonly LogEntry[]; lastSeen: Millis | undefined }): Millis | null {
  const started = meetingStartedAt(input.log);
  if (started === null) return null;
  if (input.lastSeen === undefined) return started - 1;
  return Math.max(input.lastSeen, started - 1);
}
