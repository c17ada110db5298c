import { getDb } from "@/db/client";
import { findCase, findParticipantOfUserOnCase, listCasesOfUser } from "@/db/queries/cases";
import { AppError } from "../errors";
import { requireSession } from "../meetings/require-meeting-participant";
import { dueFromMe, type DueFromMe } from "./due-from-me";

/**
 * "What is due from me" for whoever opens Stepwise: a participant signed in by their link (their
 * one case), or a staff member (each case they take part in). Nobody signed in → null (the home
 * page then shows only its introduction); an expired participant session counts as nobody.
 */
export async function listDueForViewer(input: {
  participantSessionToken?: string | null;
  staffUserId?: string | null;
  /** Only this case (a case page); the others are not looked at. */
  caseId?: string;
  now?: Date;
}): Promise<DueFromMe[] | null> {
  const db = await getDb();
  if (input.staffUserId) {
    const cases = await listCasesOfUser(db, input.staffUserId);
    const out: DueFromMe[] = [];
    for (const { case: c } of cases.filter(({ case: k }) => !input.caseId || k.id === input.caseId)) {
      const p = await findParticipantOfUserOnCase(db, c.id, input.staffUserId);
      if (p) out.push(await dueFromMe({ me: { caseId: c.id, participantId: p.id, role: p.role }, employeeName: c.employeeName, now: input.now }));
    }
    return out;
  }
  if (!input.participantSessionToken) return null;
  try {
    const me = await requireSession(input.participantSessionToken);
    const c = await findCase(db, me.caseId);
    if (input.caseId && input.caseId !== me.caseId) return [];
    return c ? [await dueFromMe({ me, employeeName: c.employeeName, now: input.now })] : null;
  } catch (e) {
    if (e instanceof AppError && e.code === "UNAUTHENTICATED") return null;
    throw e;
  }
}
