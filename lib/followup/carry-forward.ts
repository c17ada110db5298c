import type * as Y from "yjs";
import { AppError } from "../errors";
import { translator } from "../agreements/labels";
import { AGENDA_TITLE_MAX, addAgendaItem } from "../collab/agenda";
import { addAction, isActionStatus, setActionStatus } from "../collab/actions";
import { followUpText } from "../collab/follow-up";
import { goalText, planTrack, setGoalTargetDate, setMixer, setStep, setTool } from "../collab/plan";
import { initReview, type NewReviewItem } from "../collab/review";
import { addActivity, addSubGoal, setActivityCatalogue } from "../collab/sub-goals";
import { newId } from "../collab/values";
import { clampText } from "../collab/text-limits";
import type { Locale } from "../i18n/locales";
import { isMixerDimension, MIXER_MAX, MIXER_MIN } from "../plan/mixer-desk";
import { isValidStep } from "../plan/staircase";
import { isPlanTool } from "../plan/tools";
import type { AgreementContent } from "../agreements/agreement-content";
import { setHoursRamp, setToolDetail } from "../collab/tool-details";
import { addNavMeasure, addTriedMeasure, addWorkTask, setNavPlanFacts } from "../collab/follow-up-plan";
import { rampIsEmpty } from "../plan/hours-ramp";
import type { FollowUpPlan } from "../plan/follow-up-plan";

/** Runs one carried write; a value that no longer fits the model (an unreal date, a period backwards) is left out. */
function leaveOutMisfit(write: () => void): void {
  try {
    write();
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "INVALID_INPUT") throw err;
  }
}

/** NAV's follow-up plan into the next meeting, each item with its id (texts cut to today's limits). */
function carryFollowUpPlan(doc: Y.Doc, p: FollowUpPlan): void {
  for (const t of p.workTasks) {
    leaveOutMisfit(() =>
      addWorkTask(doc, {
        id: t.id,
        text: clampText("workTaskText", t.text),
        judgement: t.judgement,
        adaptations: t.adaptations,
        adaptationNote: clampText("workTaskNote", t.adaptationNote),
        judgedBy: t.judgedBy,
      }),
    );
  }
  for (const m of p.measures) {
    const period = m.from && m.to && m.to < m.from ? { from: m.from, to: null } : { from: m.from, to: m.to };
    leaveOutMisfit(() =>
      addNavMeasure(doc, {
        id: m.id,
        text: clampText("navMeasureText", m.text),
        status: m.status,
        ...period,
        how: clampText("navMeasureHow", m.how),
      }),
    );
  }
  for (const m of p.tried) {
    leaveOutMisfit(() =>
      addTriedMeasure(doc, {
        id: m.id,
        text: clampText("navMeasureText", m.text),
        kind: m.kind,
        whyNot: clampText("triedWhyNot", m.whyNot),
      }),
    );
  }
  leaveOutMisfit(() => setNavPlanFacts(doc, { ...p.facts, notContributedReason: p.facts.notContributedReason.slice(0, 1_000) }));
}

export type CarryForwardBasis = { agreementId: string; version: number; fingerprint: string; content: AgreementContent };

/** Minutes per item on the follow-up agenda: short, so the review does not swallow the meeting. */
const MINUTES = { welcome: 5, reviewAction: 3, reviewSubGoal: 5, adjust: 15, close: 10 } as const;

function agendaTitle(prefix: string, text: string): string {
  const full = `${prefix}: ${text.trim() || "…"}`;
  return full.length <= AGENDA_TITLE_MAX ? full : `${full.slice(0, AGENDA_TITLE_MAX - 1)}…`;
}

/**
 * "A follow-up meeting starts from the last agreement": fills a new meeting's document (before it
 * is stored, on the server) with the binding agreement's plan as the starting draft — goal, step,
 * sub-goals with their measures and activities, mixer desk, tools, actions and the follow-up
 * arrangement, each with the id it had in the agreement, so progress and the diff line up across
 * versions — and an agenda with one review item per agreed action and per sub-goal. The agenda's
 * own words are in the language of the person creating the meeting; the plan keeps its words.
 * The next meeting's time is not carried: it is agreed anew.
 */
export function carryForward(doc: Y.Doc, basis: CarryForwardBasis, locale: Locale): void {
  const t = translator(locale);
  const { plan, actions, followUp } = basis.content;
  doc.transact(() => {
    // The plan as the starting draft.
    // Texts are cut to today's limits (an agreement from before the limits may hold longer ones).
    if (plan.goal) goalText(doc).insert(0, clampText("goal", plan.goal));
    if (plan.goalTargetDate) setGoalTargetDate(doc, plan.goalTargetDate);
    if (plan.step !== null && isValidStep(planTrack(doc), plan.step)) setStep(doc, plan.step);
    for (const g of plan.subGoals) {
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
      for (const a of g.activities) {
        addActivity(doc, g.id, {
          id: a.id,
          text: clampText("activityText", a.text),
          who: clampText("activityWho", a.who),
          schedule: clampText("activitySchedule", a.schedule),
        });
        const picked = a.catalogue;
        if (picked) leaveOutMisfit(() => setActivityCatalogue(doc, g.id, a.id, picked));
      }
    }
    for (const [dimension, value] of Object.entries(plan.mixer)) {
      if (isMixerDimension(dimension) && Number.isInteger(value) && value >= MIXER_MIN && value <= MIXER_MAX)
        setMixer(doc, dimension, value);
    }
    for (const tool of plan.tools) if (isPlanTool(tool)) setTool(doc, tool, true);
    // The tools' details, the hours ramp (so the next version compares against it) and NAV's plan.
    for (const [tool, detail] of Object.entries(plan.toolDetails ?? {}))
      if (isPlanTool(tool)) leaveOutMisfit(() => setToolDetail(doc, tool, detail));
    if (plan.hoursRamp && !rampIsEmpty(plan.hoursRamp)) leaveOutMisfit(() => setHoursRamp(doc, plan.hoursRamp!));
    if (plan.followUpPlan) carryFollowUpPlan(doc, plan.followUpPlan);
    for (const a of actions) {
      addAction(doc, { id: a.id, text: clampText("actionText", a.text), ownerId: a.owner?.participantId ?? null, due: a.due });
      if (isActionStatus(a.status) && a.status !== "open") setActionStatus(doc, a.id, a.status);
    }
    if (followUp.howOften) followUpText(doc, "howOften").insert(0, clampText("followUpHowOften", followUp.howOften));
    if (followUp.jobCentre) followUpText(doc, "jobCentre").insert(0, clampText("followUpJobCentre", followUp.jobCentre));

    // The agenda: welcome, one review item per action and per sub-goal, adjusting the plan, closing.
    addAgendaItem(doc, { title: t("followup.agenda.welcome"), minutes: MINUTES.welcome });
    const items: NewReviewItem[] = [];
    for (const a of actions) {
      const agendaItemId = addAgendaItem(doc, {
        title: agendaTitle(t("followup.agenda.reviewAction"), a.text),
        minutes: MINUTES.reviewAction,
      });
      items.push({ id: newId(), kind: "action", refId: a.id, text: a.text, agendaItemId });
    }
    for (const g of plan.subGoals) {
      const agendaItemId = addAgendaItem(doc, {
        title: agendaTitle(t("followup.agenda.reviewSubGoal"), g.text),
        minutes: MINUTES.reviewSubGoal,
      });
      items.push({ id: newId(), kind: "subGoal", refId: g.id, text: g.text, agendaItemId });
    }
    addAgendaItem(doc, { title: t("followup.agenda.adjust"), minutes: MINUTES.adjust });
    addAgendaItem(doc, { title: t("followup.agenda.close"), minutes: MINUTES.close });
    initReview(doc, { agreementId: basis.agreementId, version: basis.version, fingerprint: basis.fingerprint }, items);
  });
}
