import type { AgreementContent } from "../agreements/agreement-content";
import { takesPart, type Role } from "../plan/roles";
import { isMeasureSchedule, scheduleDays } from "../plan/measure-schedule";
import { isDueWithinWeek, isMissed, type LawDeadline } from "../deadlines/law-deadlines";
import { addDays, dateInZone } from "../time/zoned";
import type { ReminderKind } from "./reminder-kinds";

/** What the scan knows of one case: ids, roles, dates and statuses — no texts are needed. */
export type ReminderCase = {
  caseId: string;
  participants: { id: string; role: Role; email: string | null }[];
  meetings: { id: string; startsAt: Date; status: string }[];
  /** The binding agreement's content and the day it was sealed; null when none binds. */
  binding: { content: AgreementContent; sealedOn: string } | null;
  /** The newest progress entry's day, per sub-goal. */
  lastEntryOn: ReadonlyMap<string, string>;
  /** Whether this role records this sub-goal's values (lib/privacy/measure-privacy.ts). */
  mayRecord: (role: Role, subGoalId: string) => boolean;
  /** The law's deadlines of the case (empty without a sick-leave start). */
  deadlines: LawDeadline[];
};

/** One reminder for one person: sent once per (participant, kind, subject, occasion). */
export type DueReminder = { participantId: string; kind: ReminderKind; subject: string; occasion: string };

/** How many days before its due date an action is reminded of. */
export const ACTION_SOON_DAYS = 2;

/**
 * Every reminder due in a case today. An occasion is a date (and for actions whether it is soon or
 * overdue), so a moved meeting or a new due date is a new occasion, and the same day is one.
 *
 * - meeting: every participant, the day before a planned meeting;
 * - action: its owner, once within 2 days of its due date, once when it is overdue (open actions
 *   of the binding agreement, as "what is due from me" lists them);
 * - progress: those who record a measure with a schedule, once its next entry is due (the last
 *   entry, else the agreement's sealing, plus 7 or 14 days);
 * - evaluation: every participant but observers, the day before the follow-up's evaluation date
 *   (the binding agreement's "next meeting") — unless a meeting that day is reminded anyway;
 * - deadline: the caseworkers, once a law deadline is due within the week, once it is missed.
 */
export function dueReminders(c: ReminderCase, now: Date): DueReminder[] {
  const today = dateInZone(now);
  const tomorrow = addDays(today, 1);
  const out: DueReminder[] = [];
  const everyone = c.participants;
  const add = (participantId: string, kind: ReminderKind, subject: string, occasion: string) =>
    out.push({ participantId, kind, subject, occasion });

  const meetingDays = new Set<string>();
  for (const m of c.meetings) {
    if (m.status !== "planned") continue;
    const day = dateInZone(m.startsAt);
    meetingDays.add(day);
    if (day === tomorrow) for (const p of everyone) add(p.id, "meeting", m.id, m.startsAt.toISOString());
  }

  const binding = c.binding;
  if (binding) {
    const ids = new Set(everyone.map((p) => p.id));
    for (const a of binding.content.actions) {
      const owner = a.owner?.participantId;
      if (!owner || !ids.has(owner) || a.status === "done" || !a.due) continue;
      if (a.due < today) add(owner, "action", a.id, `overdue:${a.due}`);
      else if (a.due > today && a.due <= addDays(today, ACTION_SOON_DAYS)) add(owner, "action", a.id, `soon:${a.due}`);
    }

    for (const g of binding.content.plan.subGoals) {
      const schedule = g.measure.schedule;
      if (!isMeasureSchedule(schedule)) continue;
      const next = addDays(c.lastEntryOn.get(g.id) ?? binding.sealedOn, scheduleDays(schedule));
      if (next > today) continue;
      for (const p of everyone) if (c.mayRecord(p.role, g.id)) add(p.id, "progress", g.id, next);
    }

    const evaluation = binding.content.followUp.nextMeetingAt?.slice(0, 10) ?? null;
    if (evaluation === tomorrow && !meetingDays.has(evaluation)) {
      for (const p of everyone) if (takesPart(p.role)) add(p.id, "evaluation", c.caseId, evaluation);
    }
  }

  for (const d of c.deadlines) {
    if (d.due === null) continue;
    const occasion = isMissed(d) ? `missed:${d.due}` : isDueWithinWeek(d, today) ? `soon:${d.due}` : null;
    if (!occasion) continue;
    for (const p of everyone) if (p.role === "caseworker") add(p.id, "deadline", `${c.caseId}:${d.rule}:${d.due}`, occasion);
  }
  return out;
}
