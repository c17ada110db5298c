import type { MeetingDocView } from "../collab/schema";
import type { FrozenReview } from "./frozen-document";
import { LOCALES, type Locale } from "../i18n/locales";
import { AGREEMENT_FORMAT, type FrozenAgreementDocument, type SigningParty } from "./frozen-document";
import { presentAgreement } from "./present-agreement";
import type { FrozenReservation } from "./frozen-reservations";
import { rampIsEmpty } from "../plan/hours-ramp";
import type { FollowUpPlan } from "../plan/follow-up-plan";

/** A follow-up plan with nothing in it is left out of the frozen document (older versions' bytes stay as they were). */
function followUpPlanIsEmpty(p: FollowUpPlan): boolean {
  const f = p.facts;
  return (
    p.workTasks.length === 0 &&
    p.measures.length === 0 &&
    p.tried.length === 0 &&
    f.evaluationDate === null &&
    f.employeeContributed === null &&
    f.notContributedReason === "" &&
    !f.shareWithNav &&
    !f.shareWithDoctor
  );
}

export type DocumentInput = {
  agreementId: string;
  caseId: string;
  version: number;
  requiredSigners: string[];
  supporters: string[];
  amends: FrozenAgreementDocument["amends"];
  preparedAt: Date;
  preparedBy: { participantId: string; role: string; name: string };
  case: { employeeName: string; employer: string | null; track: string; country?: string };
  meeting: { id: string; title: string; startsAt: Date; location: string | null };
  parties: SigningParty[];
  /** The live shared document, read on the server. */
  view: MeetingDocView;
  /** Everyone who ever took part in the case, so an action's owner is a name, not an id. */
  people: ReadonlyMap<string, { name: string; role: string }>;
  /** The languages to freeze the presentation in; all three by default (see README.md). */
  languages?: readonly Locale[];
  /** What a follow-up meeting's review found (review-findings.ts); none for a first meeting. */
  review?: FrozenReview | null;
  /** Reservations raised in the meeting and how they were resolved (always frozen, [] when none). */
  reservations?: FrozenReservation[];
};

/**
 * The whole document to freeze: structured content plus its presentation in each language.
 * Only what was agreed goes in (plan, actions, follow-up) — not the agenda or its notes.
 */
export function buildAgreementDocument(input: DocumentInput): FrozenAgreementDocument {
  const { view, people } = input;
  const languages = [...(input.languages ?? LOCALES)];
  const content: Omit<FrozenAgreementDocument, "presentation"> = {
    format: AGREEMENT_FORMAT,
    agreementId: input.agreementId,
    caseId: input.caseId,
    version: input.version,
    requiredSigners: input.requiredSigners,
    supporters: input.supporters,
    amends: input.amends,
    preparedAt: input.preparedAt.toISOString(),
    preparedBy: input.preparedBy,
    case: input.case,
    meeting: {
      id: input.meeting.id,
      title: input.meeting.title,
      startsAt: input.meeting.startsAt.toISOString(),
      location: input.meeting.location,
    },
    parties: input.parties,
    languages,
    plan: {
      track: view.plan.track,
      goal: view.plan.goal,
      goalTargetDate: view.plan.goalTargetDate,
      step: view.plan.step,
      subGoals: view.plan.subGoals.map((g) => ({
        id: g.id,
        text: g.text,
        due: g.due,
        measure: {
          label: g.measure.label,
          from: g.measure.from,
          target: g.measure.target,
          unit: g.measure.unit,
          schedule: g.measure.schedule,
        },
        activities: g.activities.map((a) => ({
          id: a.id,
          text: a.text,
          who: a.who,
          schedule: a.schedule,
          ...(a.catalogue ? { catalogue: a.catalogue } : {}),
        })),
      })),
      mixer: Object.fromEntries(Object.entries(view.plan.mixer).filter(([, v]) => typeof v === "number")) as Record<string, number>,
      tools: Object.entries(view.plan.tools)
        .filter(([, on]) => on === true)
        .map(([k]) => k),
      // Issue 17: only when used, so a plan without them freezes to the same bytes as before.
      ...(Object.keys(view.plan.toolDetails).length > 0 ? { toolDetails: view.plan.toolDetails } : {}),
      ...(rampIsEmpty(view.plan.hoursRamp) ? {} : { hoursRamp: view.plan.hoursRamp }),
      ...(followUpPlanIsEmpty(view.plan.followUpPlan) ? {} : { followUpPlan: view.plan.followUpPlan }),
    },
    actions: view.actions.map((a) => {
      const owner = a.ownerId ? people.get(a.ownerId) : undefined;
      return {
        id: a.id,
        text: a.text,
        owner: a.ownerId && owner ? { participantId: a.ownerId, name: owner.name, role: owner.role } : null,
        due: a.due,
        status: a.status,
      };
    }),
    followUp: { howOften: view.followUp.howOften, jobCentre: view.followUp.jobCentre, nextMeetingAt: view.followUp.nextMeetingAt },
    ...(input.review ? { review: input.review } : {}),
    ...(input.reservations ? { reservations: input.reservations } : {}),
  };
  const presentation = Object.fromEntries(languages.map((l) => [l, presentAgreement(content, l)]));
  return { ...content, presentation };
}
