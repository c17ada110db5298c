import * as Y from "yjs";
import type { Track } from "../plan/track";
import type { MixerDimension } from "../plan/mixer-desk";
import type { PlanTool } from "../plan/tools";
import type { ToolDetail } from "../plan/tool-detail";
import type { HoursRamp } from "../plan/hours-ramp";
import type { FollowUpPlan } from "../plan/follow-up-plan";
import type { CatalogueFacts } from "../plan/activity-catalogue";
import type { MeasureSchedule } from "../plan/measure-schedule";

/**
 * The shared meeting document. Everything here is seen by every participant of the meeting, so
 * it holds nothing private (the employee's preparation is a separate document). The shape is
 * documented in docs/collab-schema.md; this folder is the only code that touches raw Yjs types.
 */
export const SCHEMA_VERSION = 1;

export const ROOT = {
  meta: "meta",
  agenda: "agenda",
  plan: "plan",
  actions: "actions",
  followUp: "followUp",
  workTasks: "workTasks",
  navMeasures: "navMeasures",
  triedMeasures: "triedMeasures",
  navPlan: "navPlan",
  toolDetails: "toolDetails",
  hoursRamp: "hoursRamp",
} as const;

export const ACTION_STATUSES = ["open", "in_progress", "done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;
/** Local date and time `YYYY-MM-DDTHH:mm`, as agreed in the room. */
export type LocalDateTime = string;

export type AgendaItemView = {
  id: string;
  title: string;
  minutes: number | null;
  done: boolean;
  /** False for items added by an outside tool without a notes fragment. */
  hasNotes: boolean;
  /** Plain text of the rich-text notes (for reading; the editor binds the fragment). */
  notesText: string;
};

/** `catalogue`: picked from the activity catalogue (lib/plan/activity-catalogue.ts); absent for one of the plan's own. */
export type ActivityView = { id: string; text: string; who: string; schedule: string; catalogue?: CatalogueFacts };

export type MeasureView = {
  label: string;
  from: number | null;
  target: number | null;
  unit: string;
  /** How often an entry is asked for (null: no reminder); absent in older documents. */
  schedule: MeasureSchedule | null;
};

export type SubGoalView = {
  id: string;
  text: string;
  due: IsoDate | null;
  measure: MeasureView;
  activities: ActivityView[];
};

export type PlanView = {
  track: Track;
  goal: string;
  goalTargetDate: IsoDate | null;
  step: number | null;
  subGoals: SubGoalView[];
  mixer: Partial<Record<MixerDimension, number>>;
  tools: Partial<Record<PlanTool, boolean>>;
  /** Each tool's details: in use or under consideration, place, hours, period … (root `toolDetails`). */
  toolDetails: Partial<Record<PlanTool, ToolDetail>>;
  /** The structured hours ramp (root `hoursRamp`). */
  hoursRamp: HoursRamp;
  /** NAV's follow-up plan: work tasks, measures, measures tried (roots `workTasks`, `navMeasures`, `triedMeasures`, `navPlan`). */
  followUpPlan: FollowUpPlan;
};

export type ActionView = {
  id: string;
  text: string;
  ownerId: string | null;
  due: IsoDate | null;
  status: ActionStatus;
};

export type FollowUpView = {
  /** How often and how employee and manager follow up. */
  howOften: string;
  /** When the job centre is involved again. */
  jobCentre: string;
  nextMeetingAt: LocalDateTime | null;
};

export type MeetingDocView = {
  schemaVersion: number;
  agenda: AgendaItemView[];
  plan: PlanView;
  actions: ActionView[];
  followUp: FollowUpView;
};

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}
export function agendaArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(ROOT.agenda);
}
export function planMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.plan);
}
export function actionsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(ROOT.actions);
}
export function followUpMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.followUp);
}
/*
 * The roots below were added after documents existed (issue 17). They are roots, not keys of
 * `plan`, because a root needs no creating: every client gets the same one by its name, so an old
 * document needs no migration and two clients cannot each create their own.
 */
export function workTasksArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(ROOT.workTasks);
}
export function navMeasuresArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(ROOT.navMeasures);
}
export function triedMeasuresArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(ROOT.triedMeasures);
}
export function navPlanMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.navPlan);
}
export function toolDetailsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.toolDetails);
}
export function hoursRampMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.hoursRamp);
}

/** The root types an undo manager or an observer should cover. */
export function sharedRoots(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [
    metaMap(doc),
    agendaArray(doc),
    planMap(doc),
    actionsArray(doc),
    followUpMap(doc),
    workTasksArray(doc),
    navMeasuresArray(doc),
    triedMeasuresArray(doc),
    navPlanMap(doc),
    toolDetailsMap(doc),
    hoursRampMap(doc),
  ] as Y.AbstractType<unknown>[];
}
