import { getDb } from "@/db/client";
import { findCase, listCasesOfUser } from "@/db/queries/cases";
import { findParticipantOfUserOnCase } from "@/db/queries/participants";
import type { Actors } from "../access/actor";
import { resolveAccess } from "../access/resolve-access";
import { dueFromMe, type DueFromMe } from "./due-from-me";

/** One case's items, and who they are shown to there (for the access log). */
export type DueForViewer = DueFromMe & { viewer: { participantId: string; displayName: string } };

/**
 * "What is due from me" for whoever opens Stepwise: a participant signed in by their link (their
 * one case), or a staff member (each case they take part in). Nobody signed in → null (the home
 * page then shows only its introduction); an expired participant session counts as nobody.
 */
export async function listDueForViewer(input: {
  /** Who opened the page (lib/access/resolve-access.ts `identify`). */
  who: Actors;
  /** Only this case (a case page); the others are not looked at. */
  caseId?: string;
  now?: Date;
}): Promise<DueForViewer[] | null> {
  const db = await getDb();
  const staffUserId = input.who.staff?.userId;
  if (staffUserId) {
    const cases = await listCasesOfUser(db, staffUserId);
    const out: DueForViewer[] = [];
    for (const { case: c } of cases.filter(({ case: k }) => !input.caseId || k.id === input.caseId)) {
      const p = await findParticipantOfUserOnCase(db, c.id, staffUserId);
      if (p) {
        const due = await dueFromMe({
          me: { caseId: c.id, participantId: p.id, role: p.role },
          employeeName: c.employeeName,
          now: input.now,
        });
        out.push({ ...due, viewer: { participantId: p.id, displayName: p.displayName } });
      }
    }
    return out;
  }
  if (!input.who.participant) return null;
  const { me } = await resolveAccess(input.who, "own-case");
  const c = await findCase(db, me.caseId);
  if (input.caseId && input.caseId !== me.caseId) return [];
  if (!c) return null;
  const due = await dueFromMe({ me, employeeName: c.employeeName, now: input.now });
  return [{ ...due, viewer: { participantId: me.participantId, displayName: me.displayName } }];
}
