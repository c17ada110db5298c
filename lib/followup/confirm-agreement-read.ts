import { z } from "zod";
import { getDb } from "@/db/client";
import { findAgreement } from "@/db/queries/agreements";
import { insertReadReceipt } from "@/db/queries/read-receipts";
import { invalidInput } from "../input-errors";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import type { Me } from "../access/actor";
import { assertCan, can } from "../permissions";
import { assertCaseOpen } from "../access/assert-case-open";

export const ZReadConfirmation = z.object({
  agreementId: z.string({ message: "required" }).min(1, "required"),
  /** The fingerprint of the version the page showed: the receipt is for exactly that text. */
  fingerprint: z.string({ message: "required" }).regex(/^[0-9a-f]{64}$/, "fingerprint"),
});

/**
 * "I have read the binding agreement": a participant of the case confirms a sealed version they
 * were shown (the treating doctor: its part about work capacity). A different fingerprint than the stored one is refused (CONFLICT), as is a version
 * that does not bind yet; confirming twice keeps the first time.
 */
export async function confirmAgreementRead(input: {
  me: Pick<Me, "caseId" | "participantId" | "role">;
  raw: unknown;
  now?: Date;
}): Promise<{ agreementId: string; readAt: Date }> {
  // The treating doctor is shown the binding version's work-capacity part (lib/meetings/get-doctor-view.ts)
  // and confirms reading that, bound to the same fingerprint; they never open the agreement itself.
  if (!can(input.me.role, "view", "work_capacity")) assertCan(input.me.role, "view", "agreement");
  const parsed = ZReadConfirmation.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error, "the confirmation needs another look");
  const { agreementId, fingerprint } = parsed.data;
  if (!isUuid(agreementId)) throw new AppError("NOT_FOUND", "no such agreement");
  const db = await getDb();
  const row = await findAgreement(db, agreementId);
  if (!row) throw new AppError("NOT_FOUND", "no such agreement");
  if (row.caseId !== input.me.caseId) throw new AppError("FORBIDDEN", "not a participant of this case");
  await assertCaseOpen(row.caseId);
  if (!row.sealedAt) throw new AppError("CONFLICT", "This version is not binding yet", { agreementId: "notBinding" });
  if (row.fingerprint !== fingerprint)
    throw new AppError("CONFLICT", "The agreement shown is not this version", { fingerprint: "mismatch" });
  const receipt = await insertReadReceipt(db, {
    agreementId,
    participantId: input.me.participantId,
    fingerprint,
    readAt: input.now ?? new Date(),
  });
  return { agreementId, readAt: receipt.readAt };
}
