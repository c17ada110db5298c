import * as Y from "yjs";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import {
  addAgendaItem,
  addAgendaNotes,
  agendaNotesFragment,
  agendaTitleText,
  setAgendaItemDone,
  setAgendaItemMinutes,
} from "../collab/agenda";
import { goalText, setGoalTargetDate, setMixer, setStep, setTool } from "../collab/plan";
import {
  addActivity,
  addSubGoal,
  setActivityCatalogue,
  setMeasureSchedule,
  setMeasureValue,
  setSubGoalDue,
  subGoalText,
  activityText,
} from "../collab/sub-goals";
import { addAction, actionText, setActionDue, setActionOwner, setActionStatus } from "../collab/actions";
import { followUpText, setNextMeetingAt } from "../collab/follow-up";
import { initReview, reviewCommentText, setReviewOutcome } from "../collab/review";
import { coverAndAdvance, confirmClosing, setChair, setCurrentItem, setPhase, startTimer, pauseTimer } from "../collab/meeting-flow";
import { endRound, finishTurn, startRound } from "../collab/flow-rounds";
import { setConsent } from "../collab/flow-consent";
import { markSeen } from "../collab/flow-read";
import { flowSummaryText } from "../collab/flow-schema";
import { initPrepDoc } from "../collab/prep-init";
import {
  addNavMeasure,
  addTriedMeasure,
  addWorkTask,
  followUpPlanText,
  setNavMeasurePeriod,
  setNavMeasureStatus,
  setNavPlanFacts,
  setTaskAdaptation,
  setTaskJudgedBy,
  setTaskJudgement,
  setTriedKind,
} from "../collab/follow-up-plan";
import { setHoursRamp, setToolDetail } from "../collab/tool-details";
import { prepNoteText } from "../collab/prep-notes";
import { addSharingItem, setMayShare, setWhoSays, sharingItemText } from "../collab/prep-sharing";

const CW = "11111111-1111-4111-8111-111111111111";
const EMP = "22222222-2222-4222-8222-222222222222";

/**
 * A meeting document written through every writing function of lib/collab, as the app and the
 * server write it (a schema test checks it key by key). Add a call here when you add a writer.
 */
export function buildFullMeetingDoc(): Y.Doc {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  const actor = { by: CW, at: 1_700_000_000_000 };
  const item = addAgendaItem(doc, { title: "Velkomst", minutes: 5 });
  const other = addAgendaItem(doc, { title: "Plan" });
  agendaTitleText(doc, item).insert(8, " og runde");
  setAgendaItemMinutes(doc, other, 20);
  setAgendaItemDone(doc, item, true);
  addAgendaNotes(doc, other);
  const notes = agendaNotesFragment(doc, item);
  const list = new Y.XmlElement("bulletList");
  notes.insert(0, [list]);
  const li = new Y.XmlElement("listItem");
  list.insert(0, [li]);
  const p = new Y.XmlElement("paragraph");
  li.insert(0, [p]);
  const t = new Y.XmlText();
  p.insert(0, [t]);
  t.insert(0, "Ryggen er bedre", { bold: {} });
  t.format(0, 6, { link: { href: "https://example.org", target: "_blank", rel: null, class: null } });
  const h = new Y.XmlElement("heading");
  h.setAttribute("level", 2 as unknown as string);
  notes.insert(1, [h]);

  goalText(doc).insert(0, "Tilbage i fuld tid");
  setGoalTargetDate(doc, "2027-03-01");
  setStep(doc, 3);
  setMixer(doc, "hours", 2);
  setTool(doc, "mentor", true);
  const sg = addSubGoal(doc, {
    text: "Gå en time",
    due: "2027-01-01",
    measureLabel: "Smerte",
    measureFrom: 8,
    measureTarget: 3,
    measureUnit: "1–10",
  });
  subGoalText(doc, sg, "text").insert(0, "Daglig: ");
  setSubGoalDue(doc, sg, null);
  setMeasureValue(doc, sg, "target", 2);
  setMeasureSchedule(doc, sg, "weekly");
  const act = addActivity(doc, sg, { text: "Gåtur", who: "Kurt", schedule: "dagligt" });
  activityText(doc, sg, act, "who").insert(4, " og kollega");
  setActivityCatalogue(doc, sg, act, {
    key: "internship",
    provider: "Nordlager",
    hoursPerWeek: 15,
    from: "2027-01-04",
    to: null,
    atWorkplace: true,
  });
  const a = addAction(doc, { text: "Bestil stol", ownerId: EMP, due: "2027-01-10" });
  actionText(doc, a).insert(0, "Jobcentret: ");
  setActionOwner(doc, a, CW);
  setActionDue(doc, a, null);
  setActionStatus(doc, a, "in_progress");
  followUpText(doc, "howOften").insert(0, "Hver uge");
  followUpText(doc, "jobCentre").insert(0, "Om 4 uger");
  setNextMeetingAt(doc, "2027-02-01T10:00");

  // The law's tools' details, the hours ramp and NAV's follow-up plan (issue 17).
  setToolDetail(doc, "internship", { status: "in_use", place: "Lageret", hoursPerWeek: 15, from: "2027-01-04", to: "2027-02-28" });
  setToolDetail(doc, "section56", { status: "considering", approved: null, note: "" });
  setHoursRamp(doc, { startsOn: "2027-01-04", steps: [{ hoursPerWeek: 10, weeks: 2 }], ordinaryHours: 37 });
  const task = addWorkTask(doc, { text: "Plukke varer", judgement: "adapt", adaptations: ["moreTime"], judgedBy: "both" });
  followUpPlanText(doc, "workTasks", task, "adaptationNote").insert(0, "Lettere kasser");
  setTaskJudgement(doc, task, "cannot");
  setTaskAdaptation(doc, task, "withHelp", true);
  setTaskJudgedBy(doc, task, "doctor");
  const measure = addNavMeasure(doc, { text: "Hev-senk-bord", how: "Bestilles av leder" });
  setNavMeasureStatus(doc, measure, "agreed");
  setNavMeasurePeriod(doc, measure, { from: "2027-01-04", to: null });
  const tried = addTriedMeasure(doc, { text: "Truckkjøring", whyNot: "" });
  followUpPlanText(doc, "triedMeasures", tried, "whyNot").insert(0, "Kan ikke sitte lenge");
  setTriedKind(doc, tried, "evaluated");
  setNavPlanFacts(doc, {
    evaluationDate: "2027-03-01",
    employeeContributed: false,
    notContributedReason: "Syk",
    shareWithNav: true,
    shareWithDoctor: false,
  });

  initReview(doc, { agreementId: "a-1", version: 1, fingerprint: "f".repeat(64) }, [
    { id: "r-1", kind: "action", refId: a, text: "Bestil stol", agendaItemId: item },
    { id: "r-2", kind: "subGoal", refId: sg, text: "Gå en time", agendaItemId: null },
  ]);
  setReviewOutcome(doc, "r-1", "done");
  reviewCommentText(doc, "r-2").insert(0, "Godt på vej");

  setChair(doc, CW, actor);
  setPhase(doc, "rounds", actor);
  setCurrentItem(doc, item, actor);
  startTimer(doc, other, actor);
  pauseTimer(doc, other, { ...actor, at: actor.at + 1 });
  const round = startRound(doc, { topic: "Muligheder", order: [CW, EMP] }, actor);
  finishTurn(doc, round, CW, actor);
  endRound(doc, actor);
  setConsent(
    doc,
    { kind: "action", itemId: a, participantId: EMP, value: "reservations", comment: "Hvornår?", itemText: "Bestil stol" },
    actor,
  );
  setConsent(doc, { kind: "subGoal", itemId: sg, participantId: CW, value: "agree", itemText: "Gå en time" }, actor);
  markSeen(doc, EMP, actor.at);
  flowSummaryText(doc).insert(0, "Vi aftalte en plan.");
  coverAndAdvance(doc, actor);
  confirmClosing(doc, actor);
  return doc;
}

/** A preparation document written through every writing function of its model. */
export function buildFullPrepDoc(): Y.Doc {
  const doc = new Y.Doc();
  initPrepDoc(doc);
  prepNoteText(doc, "health").insert(0, "Ondt i ryggen om morgenen");
  prepNoteText(doc, "company").insert(0, "Lettere opgaver findes");
  const s = addSharingItem(doc, { text: "At jeg har ondt i ryggen", mayShare: "yes", whoSays: "employee" });
  sharingItemText(doc, s).insert(0, "Måske: ");
  setMayShare(doc, s, "undecided");
  setWhoSays(doc, s, { other: "min tillidsrepræsentant" });
  addSharingItem(doc, { text: "Medicin" });
  return doc;
}
