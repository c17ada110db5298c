import type { ActionView, SubGoalView } from "./schema";
import { consentKey, textHash, type ConsentKind, type FlowView, type LogEntry, type Millis } from "./flow-schema";
import type { Role } from "../plan/roles";

/**
 * The closing step's check, derived (never stored): every participant who took part agrees with
 * every agreed action and sub-goal, and the next meeting is set — before the agreement is prepared.
 * Pure, so the room, the shared screen and the agreement page all say the same.
 */
export type ConsentItem = { kind: ConsentKind; id: string; text: string };
export type PersonState = "agree" | "reservations" | "missing" | "changed";
export type ItemConsent = { item: ConsentItem; states: Record<string, PersonState>; comments: Record<string, string> };

export type ClosingCheck = {
  items: ConsentItem[];
  /** Participant ids whose consent is asked: those who took part in this meeting. */
  people: string[];
  perItem: ItemConsent[];
  reservations: { item: ConsentItem; participantId: string; comment: string }[];
  /** Not marked yet, or the item's text changed after they marked it. */
  missing: { item: ConsentItem; participantId: string; changed: boolean }[];
  nextMeetingSet: boolean;
  ready: boolean;
};

export type ClosingInput = {
  actions: readonly ActionView[];
  subGoals: readonly SubGoalView[];
  nextMeetingAt: string | null;
  flow: Pick<FlowView, "consent" | "seen" | "chairId" | "log">;
  participants: readonly { id: string; role: Role }[];
};

export function consentItems(actions: readonly ActionView[], subGoals: readonly SubGoalView[]): ConsentItem[] {
  return [
    ...subGoals.map((g) => ({ kind: "subGoal" as const, id: g.id, text: g.text })),
    ...actions.map((a) => ({ kind: "action" as const, id: a.id, text: a.text })),
  ];
}

/** When the meeting itself began: the first move out of "preparing", or null. */
export function meetingStartedAt(log: readonly LogEntry[]): Millis | null {
  return log.find((e) => e.kind === "phase" && e.value !== "preparing")?.at ?? null;
}

/**
 * Who is asked: every participant except observers who was in the meeting after it began (or at
 * all, before it began), who has marked anything, or who chairs. Someone invited who never came is
 * not asked — the chair can record in the room what a person without a device says.
 */
export function consentPeople(input: Pick<ClosingInput, "flow" | "participants">): string[] {
  const started = meetingStartedAt(input.flow.log);
  const marked = new Set(Object.keys(input.flow.consent).map((k) => k.split(":")[2]));
  return input.participants
    .filter((p) => p.role !== "observer")
    .filter((p) => {
      const seen = input.flow.seen[p.id];
      const tookPart = seen !== undefined && (started === null || seen >= started);
      return tookPart || marked.has(p.id) || input.flow.chairId === p.id;
    })
    .map((p) => p.id);
}

export function closingCheck(input: ClosingInput): ClosingCheck {
  const items = consentItems(input.actions, input.subGoals);
  const people = consentPeople(input);
  const perItem: ItemConsent[] = [];
  const reservations: ClosingCheck["reservations"] = [];
  const missing: ClosingCheck["missing"] = [];
  for (const item of items) {
    const states: Record<string, PersonState> = {};
    const comments: Record<string, string> = {};
    for (const p of people) {
      const c = input.flow.consent[consentKey(item.kind, item.id, p)];
      if (!c) {
        states[p] = "missing";
        missing.push({ item, participantId: p, changed: false });
      } else if (c.textHash !== textHash(item.text)) {
        states[p] = "changed";
        missing.push({ item, participantId: p, changed: true });
      } else {
        states[p] = c.value;
        if (c.comment) comments[p] = c.comment;
        if (c.value === "reservations") reservations.push({ item, participantId: p, comment: c.comment });
      }
    }
    perItem.push({ item, states, comments });
  }
  const nextMeetingSet = input.nextMeetingAt !== null && input.nextMeetingAt !== "";
  return {
    items,
    people,
    perItem,
    reservations,
    missing,
    nextMeetingSet,
    ready: nextMeetingSet && items.length > 0 && people.length > 0 && missing.length === 0 && reservations.length === 0,
  };
}
