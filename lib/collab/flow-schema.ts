import * as Y from "yjs";
import type { Role } from "../plan/roles";
import { fnv1a } from "../privacy/fnv1a";

/**
 * The meeting flow (chairing) lives in the SHARED meeting document, so phase, timer and rounds
 * survive a reload and every screen shows the same. It uses only ROOT-level types: Yjs creates a
 * root type by name on every client alike, so they need no server-side creation and can never
 * conflict (a nested container created by two clients at once would lose one of them; see
 * init-meeting-doc.ts). Documents created before this existed therefore need no upgrade.
 *
 * Everything here is seen by every participant: no health data, only participant ids, agenda,
 * action and sub-goal ids, times and short consent comments. Shape: docs/collab-schema.md.
 */
export const FLOW_ROOT = {
  /** Y.Map of plain JSON values: phase, chair, current item, timers, the round, turns, closing. */
  flow: "flow",
  /** Y.Text: the running summary the chair (or anyone) keeps along the way. */
  summary: "flowSummary",
  /** Y.Map of plain JSON values: consent per action / sub-goal and participant. */
  consent: "flowConsent",
  /** Y.Array of plain JSON values: a short change log (who did what, when) for catching up. */
  log: "flowLog",
  /** Y.Map<number>: when each participant was last connected to this meeting (ms since epoch). */
  seen: "flowSeen",
} as const;

/** The guide's chairing checklist, as the steps the whole room sees. */
export const PHASES = ["preparing", "opening", "introductions", "rounds", "agreements", "closing"] as const;
export type Phase = (typeof PHASES)[number];

/** Who may chair (chosen per meeting): the caseworker or the manager. */
export const CHAIR_ROLES = ["caseworker", "manager"] as const satisfies readonly Role[];

export const CONSENT_VALUES = ["agree", "reservations"] as const;
export type ConsentValue = (typeof CONSENT_VALUES)[number];
/**
 * What is marked: each sub-goal and action (by id), and — once each, item id `"plan"` — the goal,
 * the staircase step, the mixer desk, the law's tools and the follow-up arrangement: the whole
 * plan that will be signed (lib/collab/consent-items.ts). On a Norwegian case also each item of
 * NAV's follow-up plan (by id): the work tasks, the measures and the measures tried.
 */
export const CONSENT_KINDS = [
  "action",
  "subGoal",
  "goal",
  "step",
  "mixer",
  "tools",
  "followUp",
  "workTask",
  "navMeasure",
  "triedMeasure",
] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
/** The kinds marked once for the whole plan (their item id is PLAN_CONSENT_ID). */
export const PLAN_CONSENT_KINDS = ["goal", "step", "mixer", "tools", "followUp"] as const satisfies readonly ConsentKind[];
export const PLAN_CONSENT_ID = "plan";
export const CONSENT_COMMENT_MAX = 280;
/** Earlier marks kept with a mark (newest last), so a resolved reservation stays on record. */
export const CONSENT_HISTORY_MAX = 20;
export const ROUND_TOPIC_MAX = 200;

/** Milliseconds since the epoch, on the server's clock as estimated by the client. */
export type Millis = number;

/** Who did something and when. */
export type Stamp = { at: Millis; by: string };

/** Running when `startedAt` is set: elapsed = elapsedMs + (now − startedAt). Never a ticking counter. */
export type TimerState = { startedAt: Millis | null; elapsedMs: number };

export type TurnView = Stamp & { passed: boolean };

export type RoundView = {
  id: string;
  topic: string;
  order: string[];
  startedAt: Millis;
  startedBy: string;
  endedAt: Millis | null;
  turns: Record<string, TurnView>;
  /** Whose turn it is: the first in `order` without a turn; null when everyone has had theirs or the round ended. */
  current: string | null;
};

/** An earlier mark of the same item by the same person, as it was. */
export type ConsentHistoryEntry = Stamp & { value: ConsentValue; comment: string };

export type ConsentEntry = Stamp & {
  value: ConsentValue;
  comment: string;
  /** Hash of the item's text when it was marked, so a later change shows as "changed since". */
  textHash: string;
  /**
   * The person's earlier marks of this item, oldest first (at most CONSENT_HISTORY_MAX): a
   * reservation that was later resolved ("agree") leaves the board but stays here, and goes into
   * the agreement with who resolved it and when.
   */
  history: ConsentHistoryEntry[];
};

export type LogKind =
  | "phase"
  | "chair"
  | "current"
  | "covered"
  | "round_started"
  | "round_ended"
  | "action_added"
  | "subgoal_added"
  | "activity_added"
  | "agenda_added"
  | "step_set"
  | "next_meeting_set"
  // Edits and removals (for "while you were away"): `ref` names what changed (an id, or a plan /
  // follow-up key such as "goal"); change entries are coalesced per person and thing (flow-log.ts).
  | "plan_changed"
  | "subgoal_changed"
  | "activity_changed"
  | "action_changed"
  | "agenda_changed"
  | "followup_changed"
  | "subgoal_removed"
  | "activity_removed"
  | "action_removed"
  | "agenda_removed";

export type LogEntry = Stamp & { kind: LogKind; ref: string | null; value: string | number | null };

export type FlowView = {
  phase: Phase;
  phaseSince: Stamp | null;
  chairId: string | null;
  chairSince: Stamp | null;
  currentItemId: string | null;
  currentSince: Stamp | null;
  timers: Record<string, TimerState>;
  round: RoundView | null;
  /** Keyed by consentKey(kind, itemId, participantId). */
  consent: Record<string, ConsentEntry>;
  log: LogEntry[];
  seen: Record<string, Millis>;
  closed: Stamp | null;
};

export function flowMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FLOW_ROOT.flow);
}
export function flowSummaryText(doc: Y.Doc): Y.Text {
  return doc.getText(FLOW_ROOT.summary);
}
export function consentMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FLOW_ROOT.consent);
}
export function flowLogArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(FLOW_ROOT.log);
}
export function seenMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FLOW_ROOT.seen);
}

/**
 * The flow's roots, for an observer (not for the undo manager: chairing is not undone by Ctrl+Z).
 * Not the running summary: it is typed into character by character, and every reader of the flow
 * (the consent board, the closing check, the step, the clock…) re-rendered on each keystroke in
 * every browser and on the shared screen. Its readers follow the text itself (useFlowSummary).
 */
export function flowRoots(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [flowMap(doc), consentMap(doc), flowLogArray(doc), seenMap(doc)] as Y.AbstractType<unknown>[];
}

export function isPhase(v: unknown): v is Phase {
  return typeof v === "string" && (PHASES as readonly string[]).includes(v);
}
export function isConsentValue(v: unknown): v is ConsentValue {
  return typeof v === "string" && (CONSENT_VALUES as readonly string[]).includes(v);
}
export function isConsentKind(v: unknown): v is ConsentKind {
  return typeof v === "string" && (CONSENT_KINDS as readonly string[]).includes(v);
}
export function mayChair(role: Role): boolean {
  return (CHAIR_ROLES as readonly Role[]).includes(role);
}

export function consentKey(kind: ConsentKind, itemId: string, participantId: string): string {
  return `${kind}:${itemId}:${participantId}`;
}

/** A short, stable hash (FNV-1a, 32 bit) of an item's text; not a secret, only "has it changed". */
export function textHash(text: string): string {
  return fnv1a(text.trim());
}
