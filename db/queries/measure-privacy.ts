import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { measurePrivacy } from "../schema";

/** The choices made about a case's measures: is it about health, are its values shared. */
export type MeasurePrivacyRow = typeof measurePrivacy.$inferSelect;

export async function listMeasurePrivacyOfCase(db: Db, caseId: string): Promise<MeasurePrivacyRow[]> {
  return db.select().from(measurePrivacy).where(eq(measurePrivacy.caseId, caseId));
}

/** One measure's choice, replacing the one before (the latest choice holds). */
export async function saveMeasurePrivacy(
  db: Db,
  input: { caseId: string; subGoalId: string; health: boolean; shared: boolean; setBy: string; at: Date },
): Promise<MeasurePrivacyRow> {
  const values = { health: input.health, shared: input.shared, setBy: input.setBy, updatedAt: input.at };
  const [row] = await db
    .insert(measurePrivacy)
    .values({ caseId: input.caseId, subGoalId: input.subGoalId, ...values })
    .onConflictDoUpdate({ target: [measurePrivacy.caseId, measurePrivacy.subGoalId], set: values })
    .returning();
  return row!;
}
