import type * as Y from "yjs";
import { addAgendaItem } from "../collab/agenda";
import { goalText, setGoalTargetDate, setMixer, setStep, setTool } from "../collab/plan";
import { addActivity, addSubGoal, setActivityCatalogue } from "../collab/sub-goals";
import { addAction } from "../collab/actions";
import { followUpText, setNextMeetingAt } from "../collab/follow-up";
import { addNavMeasure, addTriedMeasure, addWorkTask, setNavPlanFacts } from "../collab/follow-up-plan";
import { setHoursRamp, setToolDetail } from "../collab/tool-details";
import { pickFromCatalogue } from "../plan/activity-catalogue";
import { addDays } from "../time/zoned";

/**
 * The Norwegian demo case (issue 17): Sofie, 41, a shop assistant on graded sick leave, followed
 * up by NAV. Her work tasks are judged can / with adaptation / cannot; one measure was tried and
 * found impossible; a binding follow-up plan was signed at dialogue meeting 1, and today is
 * dialogue meeting 2. Only what the workplace may see is in the shared document.
 */
export const SOFIE = {
  organisationName: "NAV Grünerløkka",
  employeeName: "Sofie Lund",
  employer: "Butikken Grünerløkka AS",
  track: "employed" as const,
  reference: "NAV-2026-118342",
  sickLeaveWeeksAgo: 12,
  people: {
    caseworker: "Ingrid Berg",
    employee: "Sofie Lund",
    manager: "Ola Nordmann",
    union_rep: "Kari Holm",
    observer: "Observatør – ny veileder ved NAV-kontoret",
  },
  caseworkerEmail: "ingrid.berg@nav.example",
  emails: {
    employee: "sofie.lund@demo.example",
    manager: "ola.nordmann@butikken.example",
    union_rep: "kari.holm@handelogkontor.example",
    observer: null,
  } as Record<"employee" | "manager" | "union_rep" | "observer", string | null>,
  firstMeetingTitle: "Dialogmøte 1 om Sofies oppfølgingsplan",
  meetingTitle: "Dialogmøte 2 med NAV",
  location: "Butikken Grünerløkka AS, pauserommet, Thorvald Meyers gate 40, Oslo",
};

/** Dialogue meeting 1's plan, as agreed then (`today` is that meeting's day). */
export function fillSofieMeeting(
  doc: Y.Doc,
  opts: { today: string; owners: { caseworker: string; employee: string; manager: string } },
): void {
  const { today, owners } = opts;
  doc.transact(() => {
    addAgendaItem(doc, { title: "Velkommen og hensikten med møtet", minutes: 5 });
    addAgendaItem(doc, { title: "Arbeidsoppgavene: hva kan gjøres nå?", minutes: 20 });
    addAgendaItem(doc, { title: "Tiltak og gradert sykmelding", minutes: 20 });
    addAgendaItem(doc, { title: "Oppsummering og neste møte", minutes: 10 });
    goalText(doc).insert(0, "Tilbake i full stilling (37,5 timer) i butikken innen tre måneder");
    setGoalTargetDate(doc, addDays(today, 91));
    setStep(doc, 4);
    setMixer(doc, "hours", 2);
    setMixer(doc, "physical", 2);
    setMixer(doc, "tasks", 3);
    setMixer(doc, "intensity", 2);
    setTool(doc, "partialReturn", true);
    setToolDetail(doc, "partialReturn", {
      status: "in_use",
      from: addDays(today, 3),
      to: addDays(today, 59),
      note: "Gradert sykmelding 60 %, deretter 40 %",
    });
    setTool(doc, "adaptationGrant", true);
    setToolDetail(doc, "adaptationGrant", { status: "considering", what: "Hev-senk-kasse og ståmatte" });
    setTool(doc, "workRelatedActivity", true);
    setToolDetail(doc, "workRelatedActivity", {
      status: "in_use",
      place: "Butikken, varemottak",
      hoursPerWeek: 4,
      from: addDays(today, 3),
      to: addDays(today, 17),
    });
    setHoursRamp(doc, {
      startsOn: addDays(today, 3),
      steps: [
        { hoursPerWeek: 15, weeks: 4 },
        { hoursPerWeek: 22.5, weeks: 4 },
      ],
      ordinaryHours: 37.5,
    });
    const sg = addSubGoal(doc, {
      text: "Opp i 22,5 timer i uka innen åtte uker",
      due: addDays(today, 59),
      measureLabel: "Timer i uka",
      measureFrom: 15,
      measureTarget: 22.5,
      measureUnit: "timer",
    });
    const act = addActivity(doc, sg, { text: "Prøve varemottak med lettere kolli", who: "Sofie og Ola", schedule: "To formiddager i uka" });
    setActivityCatalogue(doc, sg, act, {
      ...pickFromCatalogue("internship", { employeeAgreedToShare: true })!,
      provider: "Butikken",
      hoursPerWeek: 4,
    });
    addWorkTask(doc, { text: "Kundeservice og kasse", judgement: "can", judgedBy: "both" });
    addWorkTask(doc, {
      text: "Varemottak og påfylling av hyller",
      judgement: "adapt",
      adaptations: ["moreTime", "withHelp"],
      adaptationNote: "Lettere kolli; en kollega tar pallene",
      judgedBy: "both",
    });
    addWorkTask(doc, { text: "Tunge løft over 15 kg og nattvarer", judgement: "cannot", judgedBy: "doctor" });
    addNavMeasure(doc, {
      text: "Hev-senk-kasse",
      status: "agreed",
      from: addDays(today, 7),
      to: addDays(today, 91),
      how: "Ola søker tilretteleggingstilskudd og bestiller",
    });
    addNavMeasure(doc, {
      text: "Kortere vakter, fire timer om gangen",
      status: "agreed",
      from: addDays(today, 3),
      how: "Ola setter opp vaktplanen",
    });
    addNavMeasure(doc, { text: "Kveldsvakter", status: "not_relevant" });
    addTriedMeasure(doc, {
      text: "Flytte Sofie til lageret i to uker",
      kind: "tried",
      whyNot: "Løftene på lageret var de samme som i butikken, og smertene økte etter to dager",
    });
    setNavPlanFacts(doc, { evaluationDate: addDays(today, 56), employeeContributed: true, shareWithNav: true, shareWithDoctor: true });
    addAction(doc, { text: "Søke tilretteleggingstilskudd for hev-senk-kasse", ownerId: owners.manager, due: addDays(today, 7) });
    addAction(doc, { text: "Føre timene hver fredag", ownerId: owners.employee, due: addDays(today, 7) });
    addAction(doc, { text: "Sende oppfølgingsplanen til fastlegen", ownerId: owners.caseworker, due: addDays(today, 3) });
    followUpText(doc, "howOften").insert(0, "Sofie og Ola tar en prat hver fredag om timene og kroppen");
    followUpText(doc, "jobCentre").insert(0, "NAV holder dialogmøte 2 innen uke 26");
    setNextMeetingAt(doc, `${addDays(today, 35)}T10:00`);
  });
}
