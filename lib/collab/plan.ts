import * as Y from "yjs";
import { planMap, type PlanView } from "./schema";
import { checkDate, numOrNull, str, strOrNull, textOf } from "./values";
import { readSubGoals } from "./sub-goals";
import { AppError } from "../errors";
import { isTrack, type Track } from "../plan/track";
import { isValidStep } from "../plan/staircase";
import { isMixerDimension, MIXER_DIMENSIONS, MIXER_MAX, MIXER_MIN, type MixerDimension } from "../plan/mixer-desk";
import { isPlanTool, PLAN_TOOLS, type PlanTool } from "../plan/tools";
import { readHoursRampOf, readToolDetails } from "./tool-details";
import { readFollowUpPlan } from "./follow-up-plan";

export function planTrack(doc: Y.Doc): Track {
  const t = planMap(doc).get("track");
  return isTrack(t) ? t : "employed";
}

export function goalText(doc: Y.Doc): Y.Text {
  return textOf(planMap(doc), "goal");
}

export function setGoalTargetDate(doc: Y.Doc, date: string | null): void {
  const d = checkDate("goalTargetDate", date);
  doc.transact(() => planMap(doc).set("goalTargetDate", d));
}

/** Set the staircase step; it must exist in the case's track (4 steps employed, 3 unemployed). */
export function setStep(doc: Y.Doc, step: number | null): void {
  if (step !== null && !isValidStep(planTrack(doc), step)) {
    throw new AppError("INVALID_INPUT", `step ${step} is not on the ${planTrack(doc)} staircase`, { step: "range" });
  }
  doc.transact(() => planMap(doc).set("step", step));
}

function mixerMap(doc: Y.Doc): Y.Map<unknown> {
  const m = planMap(doc).get("mixer");
  if (!(m instanceof Y.Map)) throw new AppError("NOT_FOUND", "the plan has no mixer desk");
  return m;
}

function toolsMap(doc: Y.Doc): Y.Map<unknown> {
  const m = planMap(doc).get("tools");
  if (!(m instanceof Y.Map)) throw new AppError("NOT_FOUND", "the plan has no tools");
  return m;
}

/** Turn one mixer-desk slider: 1 = needs accommodation … 5 = ordinary terms; null = not set. */
export function setMixer(doc: Y.Doc, dimension: MixerDimension, value: number | null): void {
  if (!isMixerDimension(dimension)) throw new AppError("INVALID_INPUT", "unknown mixer dimension");
  if (value !== null && (!Number.isInteger(value) || value < MIXER_MIN || value > MIXER_MAX)) {
    throw new AppError("INVALID_INPUT", `mixer values run from ${MIXER_MIN} to ${MIXER_MAX}`, { [dimension]: "range" });
  }
  doc.transact(() => {
    if (value === null) mixerMap(doc).delete(dimension);
    else mixerMap(doc).set(dimension, value);
  });
}

export function setTool(doc: Y.Doc, tool: PlanTool, inUse: boolean): void {
  if (!isPlanTool(tool)) throw new AppError("INVALID_INPUT", "unknown tool");
  doc.transact(() => toolsMap(doc).set(tool, inUse === true));
}

export function readPlan(doc: Y.Doc): PlanView {
  const plan = planMap(doc);
  const mixerRaw = plan.get("mixer");
  const toolsRaw = plan.get("tools");
  const mixer: PlanView["mixer"] = {};
  const tools: PlanView["tools"] = {};
  for (const d of MIXER_DIMENSIONS) {
    const v = mixerRaw instanceof Y.Map ? numOrNull(mixerRaw.get(d)) : null;
    if (v !== null) mixer[d] = v;
  }
  for (const t of PLAN_TOOLS) {
    if (toolsRaw instanceof Y.Map && toolsRaw.get(t) === true) tools[t] = true;
  }
  return {
    track: planTrack(doc),
    goal: str(plan.get("goal")),
    goalTargetDate: strOrNull(plan.get("goalTargetDate")),
    step: numOrNull(plan.get("step")),
    subGoals: readSubGoals(doc),
    mixer,
    tools,
    toolDetails: readToolDetails(doc),
    hoursRamp: readHoursRampOf(doc),
    followUpPlan: readFollowUpPlan(doc),
  };
}
