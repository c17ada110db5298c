import type * as Y from "yjs";
import type { FrozenAction, FrozenPlan } from "../agreements/frozen-document";
import { addAction, actionText, isActionStatus, removeAction, setActionDue, setActionOwner, setActionStatus } from "../collab/actions";
import { addAgendaItem } from "../collab/agenda";
import { followUpText } from "../collab/follow-up";
import { goalText, planTrack, setGoalTargetDate, setMixer, setStep, setTool } from "../collab/plan";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { readReview, type NewReviewItem } from "../collab/review";
import { rebaseReview } from "../collab/review-rebase";
import {
  activityText,
  addActivity,
  addSubGoal,
  removeActivity,
  removeSubGoal,
  setMeasureValue,
  setSubGoalDue,
  subGoalText,
} from "../collab/sub-goals";
import { applyTextChange } from "../collab/text-diff";
import { clampText } from "../collab/text-limits";
import { newId } from "../collab/values";
import { isMixerDimension, MIXER_DIMENSIONS } from "../plan/mixer-desk";
import { isValidStep } from "../plan/staircase";
import { PLAN_TOOLS } from "../plan/tools";
import type { PlanSnapshot } from "./plan-diff";

export type Basis = { agreementId: string; version: number; fingerprint: string; snapshot: PlanSnapshot };

const AGENDA_TITLE_MAX = 200;
const title = (prefix: string, text: string) => {
  const full = `${prefix}: ${text.trim() || "…"}`;
  return full.length <= AGENDA_TITLE_MAX ? full : `${full.slice(0, AGENDA_TITLE_MAX - 1)}…`;
};

/**
 * A follow-up meeting was scheduled (and its room filled from version n) before version n+1 was
 * bound. Switching makes it review version n+1: the review's basis and items follow n+1, and the
 * room's draft plan takes over what n+1 changed compared with n — but only where the meeting has
 * not changed that part itself (a three-way merge by id: for each field, if the room still holds
 * n's value, it gets n+1's; what the meeting already changed is kept). Items n+1 added are added,
 * items n+1 removed are removed unless the meeting changed them. Runs in one transaction on the
 * browser of the person who chooses to switch, so everyone sees it at once. `labels` are the
 * agenda's words for new review items (the catalogue's followup.agenda.*, passed in so this file
 * pulls no catalogue into the browser).
 */
export function switchReviewBasis(doc: Y.Doc, from: Basis, to: Basis, labels: { reviewAction: string; reviewSubGoal: string }): void {
  doc.transact(() => {
    mergePlan(doc, from.snapshot.plan, to.snapshot.plan);
    mergeActions(doc, from.snapshot.actions, to.snapshot.actions);
    const live = readMeetingDoc(doc).followUp;
    for (const k of ["howOften", "jobCentre"] as const) {
      const a = from.snapshot.followUp[k];
      const b = to.snapshot.followUp[k];
      if (a !== b && live[k] === a)
        applyTextChange(followUpText(doc, k), live[k], clampText(k === "howOften" ? "followUpHowOften" : "followUpJobCentre", b));
    }

    // The review follows n+1: existing items keep their outcome, comment and agenda item.
    const before = readReview(doc);
    const agendaOf = new Map((before?.items ?? []).map((i) => [`${i.kind}:${i.refId}`, i.agendaItemId]));
    const items: NewReviewItem[] = [];
    for (const a of to.snapshot.actions) {
      const agendaItemId = agendaOf.get(`action:${a.id}`) ?? addAgendaItem(doc, { title: title(labels.reviewAction, a.text), minutes: 3 });
      items.push({ id: newId(), kind: "action", refId: a.id, text: a.text, agendaItemId });
    }
    for (const g of to.snapshot.plan.subGoals) {
      const agendaItemId =
        agendaOf.get(`subGoal:${g.id}`) ?? addAgendaItem(doc, { title: title(labels.reviewSubGoal, g.text), minutes: 5 });
      items.push({ id: newId(), kind: "subGoal", refId: g.id, text: g.text, agendaItemId });
    }
    rebaseReview(doc, { agreementId: to.agreementId, version: to.version, fingerprint: to.fingerprint }, items);
  });
}

function text(doc: Y.Doc, y: Y.Text, live: string, from: string, to: string, limit: Parameters<typeof clampText>[0]): void {
  if (from !== to && live === from) applyTextChange(y, live, clampText(limit, to));
}

function mergePlan(doc: Y.Doc, from: FrozenPlan, to: FrozenPlan): void {
  const live = readMeetingDoc(doc).plan;
  text(doc, goalText(doc), live.goal, from.goal, to.goal, "goal");
  if (from.goalTargetDate !== to.goalTargetDate && live.goalTargetDate === from.goalTargetDate) setGoalTargetDate(doc, to.goalTargetDate);
  if (from.step !== to.step && live.step === from.step && (to.step === null || isValidStep(planTrack(doc), to.step))) setStep(doc, to.step);
  for (const d of MIXER_DIMENSIONS) {
    const a = from.mixer[d] ?? null;
    const b = to.mixer[d] ?? null;
    if (a !== b && (live.mixer[d] ?? null) === a && isMixerDimension(d)) setMixer(doc, d, b);
  }
  for (const k of PLAN_TOOLS) {
    const a = from.tools.includes(k);
    const b = to.tools.includes(k);
    if (a !== b && (live.tools[k] === true) === a) setTool(doc, k, b);
  }

  const liveGoals = new Map(live.subGoals.map((g) => [g.id, g]));
  const fromGoals = new Map(from.subGoals.map((g) => [g.id, g]));
  for (const g of to.subGoals) {
    const was = fromGoals.get(g.id);
    const now = liveGoals.get(g.id);
    if (!was) {
      if (now) continue;
      addSubGoal(doc, {
        id: g.id,
        text: clampText("subGoalText", g.text),
        due: g.due,
        measureLabel: clampText("measureLabel", g.measure.label),
        measureFrom: g.measure.from,
        measureTarget: g.measure.target,
        measureUnit: clampText("measureUnit", g.measure.unit),
        measureSchedule: g.measure.schedule ?? null,
      });
      for (const a of g.activities)
        addActivity(doc, g.id, {
          id: a.id,
          text: clampText("activityText", a.text),
          who: clampText("activityWho", a.who),
          schedule: clampText("activitySchedule", a.schedule),
        });
      continue;
    }
    if (!now) continue; // the meeting removed it: keep it removed
    text(doc, subGoalText(doc, g.id, "text"), now.text, was.text, g.text, "subGoalText");
    text(doc, subGoalText(doc, g.id, "measureLabel"), now.measure.label, was.measure.label, g.measure.label, "measureLabel");
    text(doc, subGoalText(doc, g.id, "measureUnit"), now.measure.unit, was.measure.unit, g.measure.unit, "measureUnit");
    if (was.due !== g.due && now.due === was.due) setSubGoalDue(doc, g.id, g.due);
    if (was.measure.from !== g.measure.from && now.measure.from === was.measure.from) setMeasureValue(doc, g.id, "from", g.measure.from);
    if (was.measure.target !== g.measure.target && now.measure.target === was.measure.target)
      setMeasureValue(doc, g.id, "target", g.measure.target);
    const liveActs = new Map(now.activities.map((a) => [a.id, a]));
    const fromActs = new Map(was.activities.map((a) => [a.id, a]));
    for (const a of g.activities) {
      const wasA = fromActs.get(a.id);
      const nowA = liveActs.get(a.id);
      if (!wasA) {
        if (!nowA)
          addActivity(doc, g.id, {
            id: a.id,
            text: clampText("activityText", a.text),
            who: clampText("activityWho", a.who),
            schedule: clampText("activitySchedule", a.schedule),
          });
        continue;
      }
      if (!nowA) continue;
      text(doc, activityText(doc, g.id, a.id, "text"), nowA.text, wasA.text, a.text, "activityText");
      text(doc, activityText(doc, g.id, a.id, "who"), nowA.who, wasA.who, a.who, "activityWho");
      text(doc, activityText(doc, g.id, a.id, "schedule"), nowA.schedule, wasA.schedule, a.schedule, "activitySchedule");
    }
    for (const wasA of was.activities) {
      const nowA = liveActs.get(wasA.id);
      if (
        !g.activities.some((a) => a.id === wasA.id) &&
        nowA &&
        nowA.text === wasA.text &&
        nowA.who === wasA.who &&
        nowA.schedule === wasA.schedule
      )
        removeActivity(doc, g.id, wasA.id);
    }
  }
  for (const was of from.subGoals) {
    const now = liveGoals.get(was.id);
    if (!to.subGoals.some((g) => g.id === was.id) && now && now.text === was.text && now.due === was.due) removeSubGoal(doc, was.id);
  }
}

function mergeActions(doc: Y.Doc, from: readonly FrozenAction[], to: readonly FrozenAction[]): void {
  const live = new Map(readMeetingDoc(doc).actions.map((a) => [a.id, a]));
  const was = new Map(from.map((a) => [a.id, a]));
  for (const a of to) {
    const before = was.get(a.id);
    const now = live.get(a.id);
    if (!before) {
      if (!now) {
        addAction(doc, { id: a.id, text: clampText("actionText", a.text), ownerId: a.owner?.participantId ?? null, due: a.due });
        if (isActionStatus(a.status) && a.status !== "open") setActionStatus(doc, a.id, a.status);
      }
      continue;
    }
    if (!now) continue;
    text(doc, actionText(doc, a.id), now.text, before.text, a.text, "actionText");
    const ownerWas = before.owner?.participantId ?? null;
    const ownerTo = a.owner?.participantId ?? null;
    if (ownerWas !== ownerTo && now.ownerId === ownerWas) setActionOwner(doc, a.id, ownerTo);
    if (before.due !== a.due && now.due === before.due) setActionDue(doc, a.id, a.due);
    if (before.status !== a.status && now.status === before.status && isActionStatus(a.status)) setActionStatus(doc, a.id, a.status);
  }
  for (const before of from) {
    const now = live.get(before.id);
    if (!to.some((a) => a.id === before.id) && now && now.text === before.text) removeAction(doc, before.id);
  }
}
