import { getDb } from "@/db/client";
import { findCase, findParticipantOfUserOnCase, listCasesOfUser } from "@/db/queries/cases";
import { AppError } from "../errors";
import { requireSession } from "../meetings/require-meeting-participant";
import { dueFromMe, type DueFromMe } from "./due-from-me";

/** One case's items, and who they are shown to there (for the access log). */
export type DueForViewer = DueFromMe & { viewer: { participantId: string; displayName: string } };

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
}): Promise<DueForViewer[] | null> {
  const db = await getDb();
  if (input.staffUserId) {
    const cases = await listCasesOfUser(db, input.staffUserId);
    const out: DueForViewer[] = [];
    for (const { case: c } of cases.filter(({ case: k }) => !input.caseId || k.id === input.caseId)) {
      const p = await findParticipantOfUserOnCase(db, c.id, input.staffUserId);
      if (p) {
        const due = await dueFromMe({ me: { caseId: c.id, participantId: p.id, role: p.role }, employeeName: c.employeeName, now: input.now });
        out.push({ ...due, viewer: { participantId: p.id, displayName: p.displayName } });
      }
    }
    return out;
  }
  if (!input.participantSessionToken) return null;
  try {
    const me = await requireSession(input.participantSessionToken);
    const c = await findCase(db, me.caseId);
    if (input.caseId && input.caseId !== me.caseId) return [];
    if (!c) return null;
    const due = await dueFromMe({ me, employeeName: c.employeeName, now: input.now });
    return [{ ...due, viewer: { participantId: me.participantId, displayName: me.displayName } }];
  } catch (e) {
    if (e instanceof AppError && e.code === "UNAUTHENTICATED") return null;
    throw e;
  }
}
