import { getDb } from "@/db/client";
import { listAnswersForMeetings } from "@/db/queries/invitation-answers";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { listReadReceipts } from "@/db/queries/read-receipts";
import type { Me } from "../access/actor";
import { can } from "../permissions";
import type { Role } from "../plan/roles";
import { agreedMeasures } from "../progress/agreed-measures";
import { listCaseProgress } from "../progress/list-case-progress";
import { caseMeasurePrivacy } from "../agreements/case-measure-privacy";
import { mayRecordValue } from "../privacy/measure-privacy";
import { addDays, dateInZone } from "../time/zoned";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { signaturesOf } from "./signed-by";

/** A progress entry is asked for when the measure has had none for this many days (weekly follow-up). */
export const PROGRESS_EVERY_DAYS = 7;

export type DueItem =
  | { kind: "action"; id: string; text: string; due: string | null; overdue: boolean }
  | { kind: "progress"; subGoalId: string; text: string; label: string; lastDate: string | null }
  | { kind: "answer"; meetingId: string; startsAt: Date }
  | { kind: "read"; agreementId: string; version: number };

export type DueFromMe = { caseId: string; employeeName: string; role: Role; items: DueItem[] };

/**
 * What is due from one participant of one case, when they open Stepwise: their open actions of
 * the binding agreement (overdue first), progress entries asked for (a measure without an entry
 * in the last week, for those who record), invitations to upcoming meetings they have not
 * answered, and the binding agreement if they have not confirmed reading it.
 */
export async function dueFromMe(input: {
  me: Pick<Me, "caseId" | "participantId" | "role">;
  employeeName: string;
  now?: Date;
}): Promise<DueFromMe> {
  const { me } = input;
  const now = input.now ?? new Date();
  const today = dateInZone(now);
  const db = await getDb();
  const agreements = await loadCaseAgreements(me.caseId);
  const binding = bindingOf(agreements);
  const items: DueItem[] = [];

  // Actions and progress are read on the case page; a role without it (the treating doctor) is asked only to answer.
  if (binding && can(me.role, "view", "case")) {
    const actions = binding.content.actions
      .filter((a) => a.owner?.participantId === me.participantId && a.status !== "done")
      .map((a) => ({ kind: "action" as const, id: a.id, text: a.text, due: a.due, overdue: a.due !== null && a.due < today }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? "9999").localeCompare(b.due ?? "9999"));
    items.push(...actions);

    // Asked of those who record day to day (the employee, the manager) — never a health measure of the manager.
    if (can(me.role, "write", "progress")) {
      const privacyOf = await caseMeasurePrivacy(me.caseId, agreements);
      const progress = await listCaseProgress({ me, privacy: privacyOf });
      for (const m of agreedMeasures(binding.content)) {
        if (!m.range || !mayRecordValue(me.role, privacyOf(m.subGoalId))) continue;
        const last = progress.filter((e) => e.subGoalId === m.subGoalId).at(-1);
        if (!last || last.date <= addDays(today, -PROGRESS_EVERY_DAYS)) {
          items.push({ kind: "progress", subGoalId: m.subGoalId, text: m.subGoalText, label: m.label, lastDate: last?.date ?? null });
        }
      }
    }
  }

  if (me.role !== "caseworker") {
    const meetings = (await listMeetingsOfCases(db, [me.caseId])).filter(
      (m) => m.status !== "cancelled" && m.status !== "completed" && m.startsAt.getTime() > now.getTime(),
    );
    const answered = new Set(
      (
        await listAnswersForMeetings(
          db,
          meetings.map((m) => m.id),
        )
      )
        .filter((a) => a.participantId === me.participantId)
        .map((a) => a.meetingId),
    );
    for (const m of meetings) if (!answered.has(m.id)) items.push({ kind: "answer", meetingId: m.id, startsAt: m.startsAt });
  }

  if (binding && me.role !== "observer" && can(me.role, "view", "agreement")) {
    // Signing it said "I have read it and agree": a signer is not asked to confirm reading it again.
    const read =
      (await listReadReceipts(db, [binding.id])).some((r) => r.participantId === me.participantId) ||
      (await signaturesOf(binding)).has(me.participantId);
    if (!read) items.push({ kind: "read", agreementId: binding.id, version: binding.version });
  }
  return { caseId: me.caseId, employeeName: input.employeeName, role: me.role, items };
}
