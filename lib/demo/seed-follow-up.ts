import type * as Y from "yjs";
import { getDb } from "@/db/client";
import { listAnswersForMeetings, upsertInvitationAnswer } from "@/db/queries/invitation-answers";
import { listActiveParticipants } from "@/db/queries/participants";
import { listProgressOfCase } from "@/db/queries/progress-entries";
import { insertReadReceipt, listReadReceipts } from "@/db/queries/read-receipts";
import { followUpFill } from "../followup/follow-up-fill";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { recordProgress } from "../progress/record-progress";
import type { Role } from "../plan/roles";
import { addDays, dateInZone, zonedToInstant } from "../time/zoned";

/**
 * Follow-up in Kurt's demo: today's meeting starts from the signed first agreement (its plan as
 * the draft, a review item per action and sub-goal), and the four weeks since show recorded
 * progress (Kurt's weekly pain diary, the hours Lars records), answers to today's invitation and
 * who has confirmed reading the agreement. All through the real use-cases where they apply.
 */

/** The fill for today's meeting: carried forward from the binding agreement (Danish agenda words). */
export async function kurtFollowUpFill(caseId: string): Promise<((doc: Y.Doc) => void) | undefined> {
  return followUpFill(caseId, "da");
}

/** Seeds progress, answers and read receipts once (each only when the case has none yet). */
export async function ensureKurtFollowUp(input: { caseId: string; meetingId: string; now: Date }): Promise<void> {
  const db = await getDb();
  const binding = bindingOf(await loadCaseAgreements(input.caseId));
  if (!binding) return;
  const people = await listActiveParticipants(db, input.caseId);
  const person = (role: Role) => people.find((p) => p.role === role);
  const me = (role: Role) => {
    const p = person(role);
    return p ? { caseId: input.caseId, participantId: p.id, role: p.role } : null;
  };
  const today = dateInZone(input.now);

  if ((await listProgressOfCase(db, input.caseId)).length === 0) {
    const [pain, hours] = binding.content.plan.subGoals;
    const kurt = me("employee");
    const lars = me("manager");
    const diary: [number, number, string][] = [
      [-25, 8, "Ondt efter de første dage i trucken"],
      [-18, 7, "Bedre med pauser"],
      [-11, 7, "Gåturene hjælper"],
      [-4, 6, "Den bedste uge indtil nu"],
    ];
    if (pain && kurt)
      for (const [d, value, note] of diary)
        await recordProgress({ me: kurt, raw: { subGoalId: pain.id, date: addDays(today, d), value, note }, now: input.now });
    const worked: [number, number][] = [
      [-24, 15],
      [-17, 15],
      [-10, 18],
      [-3, 20],
    ];
    if (hours && lars)
      for (const [d, value] of worked)
        await recordProgress({ me: lars, raw: { subGoalId: hours.id, date: addDays(today, d), value }, now: input.now });
  }

  if ((await listAnswersForMeetings(db, [input.meetingId])).length === 0) {
    const at = (daysBefore: number, time: string) => zonedToInstant(addDays(today, -daysBefore), time);
    const answers: [Role, string, string | null, Date][] = [
      ["employee", "coming", null, at(6, "09:12")],
      ["manager", "coming", null, at(5, "14:40")],
      ["union_rep", "another_time", "Helst efter kl. 12 – jeg kan dog godt deltage på video", at(4, "08:05")],
    ];
    for (const [role, answer, suggestion, answeredAt] of answers) {
      const p = person(role);
      if (p)
        await upsertInvitationAnswer(db, { meetingId: input.meetingId, participantId: p.id, answer, suggestion, reason: null, answeredAt });
    }
  }

  if ((await listReadReceipts(db, [binding.id])).length === 0) {
    const read: [Role, number][] = [
      ["caseworker", 27],
      ["employee", 26],
      ["manager", 25],
    ];
    for (const [role, daysAgo] of read) {
      const p = person(role);
      if (p)
        await insertReadReceipt(db, {
          agreementId: binding.id,
          participantId: p.id,
          fingerprint: binding.fingerprint,
          readAt: zonedToInstant(addDays(today, -daysAgo), "19:30"),
        });
    }
  }
}
