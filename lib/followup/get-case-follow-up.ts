import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { listAnswersForMeetings } from "@/db/queries/invitation-answers";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { listAllParticipantsOfCase } from "@/db/queries/participants";
import { listReadReceipts } from "@/db/queries/read-receipts";
import type { VersionState } from "../agreements/agreement-state";
import { calendarSubscriptionStatus, type SubscriptionStatus } from "../calendar/calendar-subscription";
import { AppError } from "../errors";
import type { Me } from "../access/actor";
import { can } from "../permissions";
import type { Role } from "../plan/roles";
import { agreedMeasures } from "../progress/agreed-measures";
import { agreedNavPlan, type AgreedNavPlan } from "./agreed-nav-plan";
import { listCaseProgress } from "../progress/list-case-progress";
import { caseMeasurePrivacy } from "../agreements/case-measure-privacy";
import { mayRecordValue, mayViewValues } from "../privacy/measure-privacy";
import { rampScheduleWeeks } from "../progress/ramp-schedule-weeks";
import { measureSeries, rampWeeks, type MeasureSeries, type RampWeek } from "../progress/measure-series";
import { dateInZone } from "../time/zoned";
import type { FrozenPlan } from "../agreements/frozen-document";
import type { FrozenFollowUp, FrozenReview } from "../agreements/frozen-document";
import type { InvitationAnswer } from "./answer-invitation";
import { bindingOf, loadCaseAgreements, sealedOf } from "../agreements/case-agreements";
import { signaturesOf } from "./signed-by";
import { diffPlans, type PlanChange } from "./plan-diff";
import { mixerHistory, stepNow, type MixerHistory, type StepNow } from "./plan-history";
import type { MeetingSummary } from "../meetings/meeting-summary";
import { isUpcoming, pickNextMeeting } from "../time/pick-invitation-meeting";

export type FollowUpMeeting = MeetingSummary & {
  /** Not over yet (and not cancelled or completed): its invitation can still be answered. */
  upcoming: boolean;
  /** Its day (`YYYY-MM-DD`, Europe/Copenhagen): today's meeting stays listed after it started. */
  startsOn: string;
};

export type FollowUpAction = {
  id: string;
  text: string;
  owner: { name: string; role: string } | null;
  due: string | null;
  status: string;
  mine: boolean;
  overdue: boolean;
};

export type FollowUpVersion = {
  id: string;
  version: number;
  state: VersionState;
  fingerprint: string;
  preparedAt: Date;
  sealedAt: Date | null;
  reason: string | null;
  meetingId: string | null;
  /** What changed against the version before it (empty for version 1). */
  changes: PlanChange[];
};

/** What the binding version agreed beyond the step and the goal: "what was agreed last time". */
export type AgreedLastTime = {
  /** When the meeting that agreed it was held. */
  meetingStartsAt: Date | null;
  subGoals: FrozenPlan["subGoals"];
  tools: string[];
  followUp: FrozenFollowUp;
  /** What that meeting found when it reviewed the version before (null for a first agreement). */
  review: FrozenReview | null;
  /** NAV's follow-up plan as frozen, on a Norwegian case (null otherwise: agreed-nav-plan.ts). */
  navPlan: AgreedNavPlan | null;
};

export type AnswerView = {
  meetingId: string;
  participantId: string;
  name: string;
  role: Role;
  answer: InvitationAnswer;
  suggestion: string | null;
  reason: string | null;
  answeredAt: Date;
};
/**
 * What the reader may do with one measure: see its values, record one, and decide about it
 * (`all`: the employee; `protect`: the caseworker may only mark it as about health).
 */
export type MeasureAccess = { health: boolean; shared: boolean; mayView: boolean; mayRecord: boolean; choose: "all" | "protect" | null };

/** `bySignature`: no receipt was given because the person signed this version (which says they read it). */
export type ReceiptView = { participantId: string; name: string; role: Role; readAt: Date; bySignature?: boolean };

export type CaseFollowUp = {
  /** `state`: a closed case is read-only — nothing on it can be recorded, answered or chosen (all `may…` false). */
  case: { id: string; employeeName: string; employer: string | null; track: string; state: "open" | "closed" };
  me: { participantId: string; role: Role; displayName: string };
  may: { recordProgress: boolean; seeEveryAnswer: boolean; confirmRead: boolean };
  today: string;
  meetings: FollowUpMeeting[];
  nextMeeting: FollowUpMeeting | null;
  versions: FollowUpVersion[];
  binding: (FollowUpVersion & { goal: string; goalTargetDate: string | null; agreed: AgreedLastTime }) | null;
  step: StepNow;
  actions: FollowUpAction[];
  /** A measure whose values the reader may not see has no entries and no status (`access.mayView` false). */
  measures: (MeasureSeries & { ramp: RampWeek[] | null; access: MeasureAccess })[];
  mixer: MixerHistory;
  /** Every answer (caseworker) or only the reader's own. */
  answers: AnswerView[];
  /** Who confirmed reading the binding version (caseworker: everyone; others: themselves). */
  receipts: ReceiptView[];
  /** The people asked to confirm reading the binding version (the parties who take part). */
  readers: { participantId: string; name: string; role: Role }[];
  subscription: SubscriptionStatus;
  /** Two chosen versions side by side ("what changed from version 1 to 3"), when asked for. */
  comparison: { from: number; to: number; changes: PlanChange[] } | null;
};

/** Asked to confirm reading the binding version; the treating doctor confirms on their own page (work_capacity). */
const READER_ROLES: readonly Role[] = ["caseworker", "employee", "manager", "union_rep", "doctor"];

/**
 * Everything the case page shows about following the case up, for one participant of it (their
 * role decides what they see: the caseworker sees every answer and read receipt, the others
 * their own). Meetings and agreement versions for the timeline, the binding agreement, the step
 * and since when, actions due, progress per measure with its plan lines, the mixer desk's history.
 */
export async function getCaseFollowUp(input: {
  me: Pick<Me, "caseId" | "participantId" | "role" | "displayName">;
  now?: Date;
  /** Compare any two versions by number; unknown numbers give no comparison. */
  compare?: { from: number; to: number } | null;
}): Promise<CaseFollowUp> {
  const { me } = input;
  const now = input.now ?? new Date();
  const today = dateInZone(now);
  const db = await getDb();
  const kase = await findCase(db, me.caseId);
  if (!kase) throw new AppError("NOT_FOUND", "no such case");
  if (!can(me.role, "view", "case")) throw new AppError("FORBIDDEN", "may not view this case");

  const [meetingRows, people, agreements, subscription] = await Promise.all([
    listMeetingsOfCases(db, [me.caseId]),
    listAllParticipantsOfCase(db, me.caseId),
    loadCaseAgreements(me.caseId),
    calendarSubscriptionStatus({ me }),
  ]);
  const privacyOf = await caseMeasurePrivacy(me.caseId, agreements);
  const progress = await listCaseProgress({ me, privacy: privacyOf });
  // A closed case is read-only: nothing is offered that the use-cases would refuse (409).
  const open = kase.state === "open";
  const choose = !open
    ? null
    : can(me.role, "manage", "health_progress")
      ? "all"
      : can(me.role, "write", "health_progress")
        ? "protect"
        : null;
  const person = new Map(people.map((p) => [p.id, p]));
  const meetings: FollowUpMeeting[] = meetingRows.map((m) => ({
    id: m.id,
    title: m.title,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    location: m.location,
    videoUrl: m.videoUrl,
    status: m.status,
    upcoming: isUpcoming(m, now),
    startsOn: dateInZone(m.startsAt),
  }));

  const versions: FollowUpVersion[] = agreements.map((a, i) => ({
    id: a.id,
    version: a.version,
    state: a.state,
    fingerprint: a.fingerprint,
    preparedAt: a.preparedAt,
    sealedAt: a.sealedAt,
    reason: a.reason,
    meetingId: a.meetingId,
    changes: i === 0 ? [] : diffPlans(agreements[i - 1]!.content, a.content),
  }));
  const bindingRow = bindingOf(agreements);
  const sealed = sealedOf(agreements);
  const binding = bindingRow
    ? {
        ...versions.find((v) => v.id === bindingRow.id)!,
        goal: bindingRow.content.plan.goal,
        goalTargetDate: bindingRow.content.plan.goalTargetDate,
        agreed: {
          meetingStartsAt: Number.isNaN(Date.parse(bindingRow.content.meeting.startsAt))
            ? null
            : new Date(bindingRow.content.meeting.startsAt),
          subGoals: bindingRow.content.plan.subGoals,
          tools: bindingRow.content.plan.tools,
          followUp: bindingRow.content.followUp,
          review: bindingRow.content.review,
          navPlan: agreedNavPlan(bindingRow.content),
        },
      }
    : null;

  const actions: FollowUpAction[] = (bindingRow?.content.actions ?? []).map((a) => ({
    id: a.id,
    text: a.text,
    owner: a.owner ? { name: a.owner.name, role: a.owner.role } : null,
    due: a.due,
    status: a.status,
    mine: a.owner?.participantId === me.participantId,
    overdue: a.status !== "done" && a.due !== null && a.due < today,
  }));

  const versionsForPlan = sealed.map((a) => ({ version: a.version, content: a.content }));
  const measures = bindingRow
    ? agreedMeasures(bindingRow.content).map((m) => {
        const p = privacyOf(m.subGoalId);
        const access: MeasureAccess = {
          health: p.health,
          shared: p.shared,
          mayView: mayViewValues(me.role, p),
          mayRecord: open && mayRecordValue(me.role, p),
          choose,
        };
        const s = measureSeries(m, access.mayView ? progress : [], versionsForPlan);
        // The agreed hours ramp, when the plan has one, is what the hours are compared with week by week.
        const ramp =
          m.isHours && access.mayView
            ? (rampScheduleWeeks(bindingRow.content.plan.hoursRamp, s.entries, today) ?? rampWeeks(s, today))
            : null;
        return { ...s, ramp, access };
      })
    : [];

  const seeEveryAnswer = can(me.role, "manage", "invitations");
  const answerRows = await listAnswersForMeetings(
    db,
    meetings.map((m) => m.id),
  );
  const answers = answerRows
    .filter((a) => seeEveryAnswer || a.participantId === me.participantId)
    .flatMap((a) => {
      const p = person.get(a.participantId);
      return p
        ? [
            {
              meetingId: a.meetingId,
              participantId: p.id,
              name: p.displayName,
              role: p.role,
              answer: a.answer as InvitationAnswer,
              suggestion: a.suggestion,
              reason: a.reason,
              answeredAt: a.answeredAt,
            },
          ]
        : [];
    });
  const receiptRows = bindingRow ? await listReadReceipts(db, [bindingRow.id]) : [];
  // Whoever signed the binding version has read it (their signature says so): they count as read.
  const signed = bindingRow ? await signaturesOf(bindingRow) : new Map<string, Date>();
  const readRows = [
    ...receiptRows.map((r) => ({ participantId: r.participantId, readAt: r.readAt, bySignature: false })),
    ...[...signed]
      .filter(([id]) => !receiptRows.some((r) => r.participantId === id))
      .map(([participantId, at]) => ({ participantId, readAt: at, bySignature: true })),
  ];
  const receipts: ReceiptView[] = readRows
    .filter((r) => seeEveryAnswer || r.participantId === me.participantId)
    .flatMap((r) => {
      const p = person.get(r.participantId);
      return p
        ? [{ participantId: p.id, name: p.displayName, role: p.role, readAt: r.readAt, ...(r.bySignature ? { bySignature: true } : {}) }]
        : [];
    });
  const left = agreements.find((a) => a.version === input.compare?.from);
  const right = agreements.find((a) => a.version === input.compare?.to);
  const comparison =
    left && right && left !== right ? { from: left.version, to: right.version, changes: diffPlans(left.content, right.content) } : null;
  const readers = people
    .filter((p) => !p.removedAt && READER_ROLES.includes(p.role))
    .map((p) => ({ participantId: p.id, name: p.displayName, role: p.role }));

  return {
    case: { id: kase.id, employeeName: kase.employeeName, employer: kase.employer, track: kase.track, state: kase.state },
    me: { participantId: me.participantId, role: me.role, displayName: me.displayName },
    may: {
      recordProgress: open && can(me.role, "write", "progress"),
      seeEveryAnswer,
      confirmRead: open && READER_ROLES.includes(me.role) && can(me.role, "view", "agreement"),
    },
    today,
    meetings,
    // The next meeting that is not over: a meeting under way counts (people look it up after it
    // started), one that has ended does not — even later the same day.
    nextMeeting: pickNextMeeting(meetings, now),
    versions,
    binding,
    step: stepNow(sealed),
    actions,
    measures,
    mixer: mixerHistory(sealed),
    answers,
    receipts,
    readers,
    subscription,
    comparison,
  };
}
