import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { agreementReadReceipts } from "../schema";

/** The `agreement_read_receipts` table: "I have read the binding agreement". */

export type ReadReceiptRow = typeof agreementReadReceipts.$inferSelect;

/** The first confirmation of a version is the one kept: reading it again changes nothing. */
export async function insertReadReceipt(
  db: Db,
  input: { agreementId: string; participantId: string; fingerprint: string; readAt: Date },
): Promise<ReadReceiptRow> {
  await db.insert(agreementReadReceipts).values(input).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(agreementReadReceipts)
    .where(and(eq(agreementReadReceipts.agreementId, input.agreementId), eq(agreementReadReceipts.participantId, input.participantId)));
  return row!;
}

export async function listReadReceipts(db: Db, agreementIds: string[]): Promise<ReadReceiptRow[]> {
  if (agreementIds.length === 0) return [];
  return db
    .select()
    .from(agreementReadReceipts)
    .where(inArray(agreementReadReceipts.agreementId, agreementIds))
    .orderBy(asc(agreementReadReceipts.readAt));
}
