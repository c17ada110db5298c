import { meetingStartedAt } from "./flow-closing";
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
  /** Everyone who did any of it. */
  by: string[];
  empty: boolean;
};

const ADDED: readonly LogKind[] = ["subgoal_added", "activity_added", "action_added", "agenda_added", "step_set", "next_meeting_set"];

export function catchUpSince(log: readonly LogEntry[], since: Millis, me: string): CatchUp {
  const recent = log.filter((e) => e.at > since && e.by !== me);
  const covered = recent.filter((e) => e.kind === "covered");
  const phases = recent.filter((e) => e.kind === "phase");
  // A setting changed several times (a date typed digit by digit) is told once, as it ended up.
  const lastOfSetting = new Map<LogKind, LogEntry>();
  for (const e of recent) if (e.kind === "step_set" || e.kind === "next_meeting_set") lastOfSetting.set(e.kind, e);
  const added = recent.filter((e) => ADDED.includes(e.kind) && (!lastOfSetting.has(e.kind) || lastOfSetting.get(e.kind) === e));
  const lastPhase = phases.at(-1)?.value;
  const by = [...new Set([...covered, ...phases, ...added].map((e) => e.by))];
  return {
    since,
    covered,
    phase: typeof lastPhase === "string" ? (lastPhase as Phase) : null,
    added,
    by,
    empty: covered.length === 0 && phases.length === 0 && added.length === 0,
  };
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
