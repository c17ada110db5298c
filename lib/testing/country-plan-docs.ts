import * as Y from "yjs";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import { goalText, setStep, setTool } from "../collab/plan";
import { addNavMeasure, addTriedMeasure, addWorkTask, setNavPlanFacts } from "../collab/follow-up-plan";
import { setHoursRamp, setToolDetail } from "../collab/tool-details";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { addAction } from "../collab/actions";
import { addActivity, addSubGoal, setActivityCatalogue } from "../collab/sub-goals";
import { pickFromCatalogue } from "../plan/activity-catalogue";
import { followUpText, setNextMeetingAt } from "../collab/follow-up";
import { buildAgreementDocument } from "../agreements/build-agreement-document";
import type { MeetingDocView } from "../collab/schema";

/** A Norwegian plan written through the model: tasks judged three ways, a measure, one tried and found impossible. */
export function norwegianPlanView(): MeetingDocView {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  goalText(doc).insert(0, "Tilbake i full stilling innen 1. juni");
  setStep(doc, 4);
  setTool(doc, "partialReturn", true);
  setTool(doc, "adaptationGrant", true);
  setToolDetail(doc, "adaptationGrant", { status: "considering", what: "Hev-senk-kasse" });
  setHoursRamp(doc, {
    startsOn: "2027-01-04",
    steps: [
      { hoursPerWeek: 15, weeks: 2 },
      { hoursPerWeek: 22, weeks: 1 },
    ],
    ordinaryHours: 37.5,
  });
  addWorkTask(doc, { text: "Kundeservice i kassen", judgement: "can", judgedBy: "both" });
  addWorkTask(doc, {
    text: "Varemottak",
    judgement: "adapt",
    adaptations: ["moreTime", "withHelp"],
    adaptationNote: "En kollega løfter",
    judgedBy: "manager",
  });
  addWorkTask(doc, { text: "Tunge løft over 15 kg", judgement: "cannot", judgedBy: "doctor" });
  addNavMeasure(doc, { text: "Hev-senk-kasse", status: "agreed", from: "2027-01-04", to: "2027-03-01", how: "Leder bestiller via NAV" });
  addNavMeasure(doc, { text: "Nattskift", status: "not_relevant" });
  addTriedMeasure(doc, { text: "Arbeid på lageret i stedet", kind: "tried", whyNot: "Løftene var de samme; smertene økte etter to dager" });
  setNavPlanFacts(doc, { evaluationDate: "2027-02-15", employeeContributed: true, shareWithNav: true, shareWithDoctor: true });
  const sg = addSubGoal(doc, {
    text: "Opp i 22 timer i uka",
    measureLabel: "Timer i uka",
    measureFrom: 15,
    measureTarget: 22,
    measureUnit: "timer",
  });
  const act = addActivity(doc, sg, { text: "" });
  setActivityCatalogue(doc, sg, act, {
    ...pickFromCatalogue("rehabWorkTesting", { employeeAgreedToShare: true })!,
    provider: "Aktiv Rehab AS",
    hoursPerWeek: 6,
  });
  addAction(doc, { text: "Bestille hev-senk-kasse", due: "2027-01-10" });
  followUpText(doc, "howOften").insert(0, "Samtale med leder hver fredag");
  followUpText(doc, "jobCentre").insert(0, "Dialogmøte 2 i uke 26");
  setNextMeetingAt(doc, "2027-02-15T10:00");
  return readMeetingDoc(doc);
}

/** The Norwegian plan frozen as version 1 of an agreement (pure: no database). */
export function norwegianAgreementDocument(view: MeetingDocView = norwegianPlanView()) {
  return buildAgreementDocument({
    agreementId: "a-no",
    caseId: "c-no",
    version: 1,
    requiredSigners: ["caseworker", "employee", "manager"],
    supporters: [],
    amends: null,
    preparedAt: new Date("2027-01-04T09:00:00.000Z"),
    preparedBy: { participantId: "p-cw", role: "caseworker", name: "Ingrid Berg" },
    case: { employeeName: "Sofie Hansen", employer: "Butikken AS", track: "employed", country: "NO" },
    meeting: { id: "m-no", title: "Dialogmøte 1", startsAt: new Date("2027-01-04T09:00:00.000Z"), location: "Butikken AS" },
    parties: [
      { participantId: "p-cw", role: "caseworker", name: "Ingrid Berg", signs: "required" },
      { participantId: "p-em", role: "employee", name: "Sofie Hansen", signs: "required" },
      { participantId: "p-ma", role: "manager", name: "Ola Nordmann", signs: "required" },
    ],
    view,
    people: new Map([["p-ma", { name: "Ola Nordmann", role: "manager" }]]),
  });
}
