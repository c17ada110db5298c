import type { ActionView, FollowUpView, SubGoalView } from "./schema";
import { consentKey, textHash, type FlowView, type LogEntry, type Millis } from "./flow-schema";
import { consentItemsOfPlan, type ConsentItem, type ConsentPlan } from "./consent-items";
import { takesPart, type Role } from "../plan/roles";
import { planDateWarnings, type DateWarning } from "../plan/date-warnings";

/**
 * The closing step's check, derived (never stored): every participant who took part agrees with
 * every part of the plan (consent-items.ts), and the next meeting is set — before the agreement
 * is prepared. It also lists dates that look like a slip (lib/plan/date-warnings.ts): a warning,
 * not a blocker. Pure, so the room, the shared screen and the agreement page all say the same.
 */
export type { ConsentItem } from "./consent-items";
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
  /** Dates before the meeting's day, or a target date before a sub-goal's date (calm warnings). */
  dateWarnings: DateWarning[];
  ready: boolean;
};

export type ClosingInput = {
  actions: readonly ActionView[];
  subGoals: readonly SubGoalView[];
  nextMeetingAt: string | null;
  flow: Pick<FlowView, "consent" | "seen" | "chairId" | "log">;
  participants: readonly { id: string; role: Role }[];
  /** The whole plan and follow-up: with them, the goal, step, mixer desk, tools and follow-up are marked too. */
  plan?: ConsentPlan & { goalTargetDate: string | null };
  followUp?: FollowUpView;
  /** The meeting's own date (`YYYY-MM-DD`, Copenhagen), for the date warnings. */
  meetingDate?: string | null;
};

export function consentItems(
  actions: readonly ActionView[],
  subGoals: readonly SubGoalView[],
  plan?: ConsentPlan | null,
  followUp?: FollowUpView | null,
): ConsentItem[] {
  return consentItemsOfPlan({ plan, subGoals, actions, followUp });
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
    .filter((p) => takesPart(p.role))
    .filter((p) => {
      const seen = input.flow.seen[p.id];
      const tookPart = seen !== undefined && (started === null || seen >= started);
      return tookPart || marked.has(p.id) || input.flow.chairId === p.id;
    })
    .map((p) => p.id);
}

export function closingCheck(input: ClosingInput): ClosingCheck {
  const items = consentItems(input.actions, input.subGoals, input.plan, input.followUp);
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
  const dateWarnings = planDateWarnings({
    meetingDate: input.meetingDate ?? null,
    plan: { goalTargetDate: input.plan?.goalTargetDate ?? null, subGoals: input.subGoals },
    actions: input.actions,
  });
  return {
    items,
    people,
    perItem,
    reservations,
    missing,
    nextMeetingSet,
    dateWarnings,
    ready: nextMeetingSet && items.length > 0 && people.length > 0 && missing.length === 0 && reservations.length === 0,
  };
}
