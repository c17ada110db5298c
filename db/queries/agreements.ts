import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { agreementEvents, agreementEventsBeforeAttestation, agreements, cases } from "../schema";

/**
 * Agreement versions and their hash-chained events. Rows are written, never rewritten: the
 * only UPDATE is the one that seals an unsealed version (the guard trigger of migration 0002
 * refuses every other change, and every DELETE). Writers serialise on a row lock (the case for a
 * new version, the agreement for a new event), so two signers at once cannot both take seq n.
 */

export type AgreementRow = typeof agreements.$inferSelect;

/** A stored event, and whether it was written before events were attested (migration 0005's list). */
export type AgreementEventRow = typeof agreementEvents.$inferSelect & { beforeAttestation: boolean };

/** An event as stored: its canonical bytes (exactly what was hashed) plus indexed columns. */
export type EventInsert = {
  seq: number;
  type: string;
  participantId: string | null;
  at: Date;
  hash: string;
  data: Uint8Array;
  attestKid: string;
  attestSignature: string;
  clientFacts: Uint8Array | null;
};

export type NewVersion = {
  row: Omit<typeof agreements.$inferInsert, "sealedAt" | "sealKid" | "sealSignature" | "chainHead">;
  firstEvent: EventInsert;
};

/**
 * Creates version n+1 of a case's agreement with its "prepared" event, in one transaction.
 * `build` sees the case's existing versions (oldest first) while the case row is locked, so two
 * chairs preparing at once get versions n+1 and n+2, never a clash.
 */
export async function createAgreementVersion(
  db: Db,
  caseId: string,
  build: (existing: AgreementRow[]) => NewVersion,
): Promise<AgreementRow> {
  return db.transaction(async (tx) => {
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for("update");
    const existing = await tx.select().from(agreements).where(eq(agreements.caseId, caseId)).orderBy(asc(agreements.version));
    const { row, firstEvent } = build(existing);
    const [inserted] = await tx.insert(agreements).values(row).returning();
    await tx.insert(agreementEvents).values({ ...firstEvent, agreementId: inserted!.id });
    return inserted!;
  });
}

/** What to write after looking at an agreement's current state; null writes nothing. */
export type AgreementChange = {
  events: EventInsert[];
  seal?: { sealedAt: Date; kid: string; signature: string; chainHead: string };
};

/**
 * Appends events (and, when given, the seal) to one agreement while its row is locked. `decide`
 * sees the row and the events so far, in order, and returns what to add; it may throw to refuse.
 */
export async function changeAgreementLocked<T extends AgreementChange | null>(
  db: Db,
  agreementId: string,
  decide: (row: AgreementRow, events: AgreementEventRow[], versions: AgreementRow[]) => T,
): Promise<{ row: AgreementRow; change: T } | null> {
  return db.transaction(async (tx) => {
    // FOR UPDATE takes the lock without an UPDATE, so the guard trigger does not fire.
    const [row] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).for("update");
    if (!row) return null;
    const events = await selectEvents(tx, agreementId);
    const versions = await tx.select().from(agreements).where(eq(agreements.caseId, row.caseId)).orderBy(asc(agreements.version));
    const change = decide(row, events, versions);
    if (!change) return { row, change };
    if (change.events.length > 0) {
      await tx.insert(agreementEvents).values(change.events.map((e) => ({ ...e, agreementId })));
    }
    if (change.seal) {
      const [sealed] = await tx
        .update(agreements)
        .set({
          sealedAt: change.seal.sealedAt,
          sealKid: change.seal.kid,
          sealSignature: change.seal.signature,
          chainHead: change.seal.chainHead,
        })
        .where(and(eq(agreements.id, agreementId), isNull(agreements.sealedAt)))
        .returning();
      return { row: sealed!, change };
    }
    return { row, change };
  });
}

export async function findAgreement(db: Db, agreementId: string): Promise<AgreementRow | null> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, agreementId));
  return row ?? null;
}

/**
 * One version with its case's versions and its events, read in one snapshot (REPEATABLE READ):
 * a seal committed between two separate reads would otherwise show a sealed event on an unsealed
 * row, or the reverse — which the proof of the record (lib/agreements) rightly calls altered.
 */
export async function findAgreementSnapshot(
  db: Db,
  agreementId: string,
): Promise<{ row: AgreementRow; versions: AgreementRow[]; events: AgreementEventRow[] } | null> {
  return db.transaction(
    async (tx) => {
      const [row] = await tx.select().from(agreements).where(eq(agreements.id, agreementId));
      if (!row) return null;
      const versions = await tx.select().from(agreements).where(eq(agreements.caseId, row.caseId)).orderBy(asc(agreements.version));
      return { row, versions, events: await selectEvents(tx, agreementId) };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Every version of a case's agreement, oldest first. */
export async function listAgreementsOfCase(db: Db, caseId: string): Promise<AgreementRow[]> {
  return db.select().from(agreements).where(eq(agreements.caseId, caseId)).orderBy(asc(agreements.version));
}

/** An agreement's events in chain order. */
export async function listAgreementEvents(db: Db, agreementId: string): Promise<AgreementEventRow[]> {
  return selectEvents(db, agreementId);
}

async function selectEvents(db: Pick<Db, "select">, agreementId: string): Promise<AgreementEventRow[]> {
  const rows = await db
    .select({ event: agreementEvents, listed: agreementEventsBeforeAttestation.eventId })
    .from(agreementEvents)
    .leftJoin(agreementEventsBeforeAttestation, eq(agreementEventsBeforeAttestation.eventId, agreementEvents.id))
    .where(eq(agreementEvents.agreementId, agreementId))
    .orderBy(asc(agreementEvents.seq));
  return rows.map((r) => ({ ...r.event, beforeAttestation: r.listed !== null }));
}
