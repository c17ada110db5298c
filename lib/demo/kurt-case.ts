import type * as Y from "yjs";
import { addAgendaItem } from "../collab/agenda";
import { goalText, setGoalTargetDate, setMixer, setStep, setTool } from "../collab/plan";
import { addActivity, addSubGoal } from "../collab/sub-goals";
import { addAction, setActionStatus } from "../collab/actions";
import { followUpText, setNextMeetingAt } from "../collab/follow-up";
import { addDays } from "../time/zoned";

/**
 * The guide's worked case: Kurt, 55, in a warehouse job, on step 3 with an internship as forklift
 * driver at his own company. Only what the workplace may see is in the shared document: no
 * diagnosis, only the agreed, measurable sub-goals.
 */
export const KURT = {
  employeeName: "Kurt Hansen",
  employer: "Nordlager A/S",
  track: "employed" as const,
  /** The job centre's case number (sagsnummer), as its own case system writes it. */
  reference: "27.12.08-G01-1104-26",
  /** How many weeks before the demo's day Kurt's sick leave began. */
  sickLeaveWeeksAgo: 9,
  people: {
    caseworker: "Mette Sørensen",
    employee: "Kurt Hansen",
    manager: "Lars Nielsen",
    union_rep: "Susanne Berg",
    observer: "Observatør – praktikant i jobcentret",
  },
  /** Mette's staff account: she signs in with it (the link lands in DATA_DIR/outbox in development). */
  caseworkerEmail: "mette.sorensen@jobcenter.example",
  /** The others' addresses: their reminders land in DATA_DIR/outbox in development. */
  emails: {
    employee: "kurt.hansen@demo.example",
    manager: "lars.nielsen@nordlager.example",
    union_rep: "susanne.berg@fagforening.example",
    observer: null,
  } as Record<"employee" | "manager" | "union_rep" | "observer", string | null>,
  meetingTitle: "Fællesmøde om Kurts tilbagevenden",
  location: "Nordlager A/S, mødelokale 2, Industrivej 12, Vejle",
};

export function fillKurtMeeting(
  doc: Y.Doc,
  opts: { today: string; owners: { caseworker: string; employee: string; manager: string } },
): void {
  const { today, owners } = opts;
  const agenda: [string, number][] = [
    ["Velkomst og præsentation af deltagerne", 5],
    ["Mødets formål og dagsorden", 5],
    ["Status: Hvordan går det, og hvad er prøvet?", 10],
    ["Muligheder på arbejdspladsen (runde)", 15],
    ["Plan: mål, delmål og indsatser", 20],
    ["Aftaler og opfølgning", 10],
    ["Tidspunkt for næste møde", 5],
  ];
  for (const [title, minutes] of agenda) addAgendaItem(doc, { title, minutes });

  goalText(doc).insert(0, "Tilbage i eget job som lagermedarbejder på fuld tid inden for ca. 6 måneder");
  setGoalTargetDate(doc, addDays(today, 182));
  setStep(doc, 3);

  const pain = addSubGoal(doc, {
    text: "Smerterne er nede fra 8 til 3 inden for 3 måneder",
    due: addDays(today, 91),
    measureLabel: "Smerte på en skala fra 1 til 10",
    measureFrom: 8,
    measureTarget: 3,
    measureUnit: "point",
    measureSchedule: "weekly",
  });
  addActivity(doc, pain, {
    text: "Daglig gåtur med en kollega i frokostpausen",
    who: "Kurt og en kollega",
    schedule: "30 minutter hver dag",
  });
  addActivity(doc, pain, { text: "Smertedagbog", who: "Kurt", schedule: "Udfyldes hver fredag" });

  const hours = addSubGoal(doc, {
    text: "Arbejdstiden er trappet op fra 15 til 37 timer om ugen",
    due: addDays(today, 120),
    measureLabel: "Timer om ugen",
    measureFrom: 15,
    measureTarget: 37,
    measureUnit: "timer",
    measureSchedule: "biweekly",
  });
  addActivity(doc, hours, {
    text: "Virksomhedspraktik som truckfører i egen virksomhed",
    who: "Kurt, med Lars som kontaktperson",
    schedule: "15 timer om ugen i 4 uger, derefter optrapning",
  });

  setMixer(doc, "hours", 2);
  setMixer(doc, "physical", 2);
  setMixer(doc, "tasks", 3);
  setMixer(doc, "responsibility", 3);
  setMixer(doc, "predictability", 4);
  setMixer(doc, "intensity", 2);
  setTool(doc, "internship", true);

  addAction(doc, { text: "Aftale arbejdstider og opgaver i praktikken", ownerId: owners.manager, due: addDays(today, 7) });
  addAction(doc, { text: "Sende praktikaftalen til underskrift", ownerId: owners.caseworker, due: addDays(today, 3) });
  const diary = addAction(doc, { text: "Føre smertedagbog hver uge", ownerId: owners.employee, due: addDays(today, 28) });
  setActionStatus(doc, diary, "in_progress");

  followUpText(doc, "howOften").insert(0, "Kurt og Lars tager en kort snak hver fredag om, hvordan ugen er gået.");
  followUpText(doc, "jobCentre").insert(0, "Jobcentret deltager igen ved opfølgningsmødet om 4 uger.");
  setNextMeetingAt(doc, `${addDays(today, 28)}T10:00`);
}
