import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { caseEvents, cases, participants } from "../schema";
import type { CaseRow } from "./cases";

/** The case lifecycle: closing, reopening and handing over, each with its `case_events` row, in one transaction. */

export type CaseEventRow = typeof caseEvents.$inferSelect;
type Outcome = NonNullable<CaseRow["outcome"]>;

/** Close an open case; null when it was not open (already closed, or gone). */
export async function closeCaseRow(
  db: Db,
  input: { caseId: string; outcome: Outcome; closedOn: string; byUserId: string; at: Date },
): Promise<CaseRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cases)
      .set({ state: "closed", outcome: input.outcome, closedOn: input.closedOn })
      .where(and(eq(cases.id, input.caseId), eq(cases.state, "open")))
      .returning();
    if (!row) return null;
    await tx.insert(caseEvents).values({
      caseId: row.id,
      kind: "closed",
      outcome: input.outcome,
      closedOn: input.closedOn,
      byUserId: input.byUserId,
      at: input.at,
    });
    return row;
  });
}

/** Reopen a closed case (the outcome and date go; the history keeps them); null when it was not closed. */
export async function reopenCaseRow(
  db: Db,
  input: { caseId: string; reason: string; byUserId: string; at: Date },
): Promise<CaseRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cases)
      .set({ state: "open", outcome: null, closedOn: null })
      .where(and(eq(cases.id, input.caseId), eq(cases.state, "closed")))
      .returning();
    if (!row) return null;
    await tx.insert(caseEvents).values({ caseId: row.id, kind: "reopened", reason: input.reason, byUserId: input.byUserId, at: input.at });
    return row;
  });
}

/**
 * Hand the case to `toUserId`: they become its assigned caseworker and its caseworker participant
 * (a new participant row, so what the previous caseworker signed and did stays theirs). The
 * previous caseworker's caseworker participant is removed; any other participant of theirs stays.
 * Any other active participant the new caseworker already had on the case is replaced by the new one.
 * Returns the participants removed (their sockets must close) and the new one.
 */
export async function handOverCaseRow(
  db: Db,
  input: {
    caseId: string;
    fromUserId: string | null;
    toUser: { id: string; displayName: string; email: string | null };
    byUserId: string;
    at: Date;
  },
): Promise<{ removedParticipantIds: string[]; caseworkerParticipantId: string }> {
  return db.transaction(async (tx) => {
    const active = await tx
      .select()
      .from(participants)
      .where(and(eq(participants.caseId, input.caseId), isNull(participants.removedAt)));
    const leaving = active.filter(
      (p) => (p.role === "caseworker" && p.userId !== null && p.userId === input.fromUserId) || p.userId === input.toUser.id,
    );
    for (const p of leaving) await tx.update(participants).set({ removedAt: input.at }).where(eq(participants.id, p.id));
    const [added] = await tx
      .insert(participants)
      .values({
        caseId: input.caseId,
        role: "caseworker",
        displayName: input.toUser.displayName,
        email: input.toUser.email,
        userId: input.toUser.id,
        colorIndex: active.find((p) => p.role === "caseworker")?.colorIndex ?? 0,
      })
      .returning();
    await tx.update(cases).set({ assignedCaseworkerId: input.toUser.id }).where(eq(cases.id, input.caseId));
    await tx.insert(caseEvents).values({
      caseId: input.caseId,
      kind: "handed_over",
      fromUserId: input.fromUserId,
      toUserId: input.toUser.id,
      byUserId: input.byUserId,
      at: input.at,
    });
    return { removedParticipantIds: leaving.map((p) => p.id), caseworkerParticipantId: added!.id };
  });
}

/** The case's lifecycle, oldest first. */
export async function listCaseEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id));
}
