import { getDb } from "@/db/client";
import { changeAgreementLocked } from "@/db/queries/agreements";
import { AppError } from "../errors";
import { serverNow } from "../time/server-clock";
import type { Me } from "../access/actor";
import { versionState } from "./agreement-state";
import { loadAgreementFor } from "./load-agreement";
import { sealChange } from "./record-decision";
import type { SigningKey } from "./signing-keys";
import { fromStoredAgreement } from "./stored-events";

/**
 * The chair makes a complete agreement binding now: the server seals fingerprint and chain with
 * its Ed25519 key. Signing seals by itself once every required signer and every supporter has
 * decided; this is for when a supporter has not (and will not) — the required signatures are
 * what binds. With a required signer missing the seal is refused: 409.
 */
export async function bindAgreement(input: {
  me: Me;
  agreementId: string;
  now?: Date;
  signingKey?: () => SigningKey;
}): Promise<{ agreementId: string; sealedAt: string }> {
  const now = input.now ?? serverNow();
  const { document } = await loadAgreementFor(input.me, input.agreementId, "prepare");
  const result = await changeAgreementLocked(await getDb(), input.agreementId, (row, rows, versions) => {
    if (row.sealedAt) throw new AppError("CONFLICT", "This version is already binding", { version: "sealed" });
    if (versionState(row, versions) === "withdrawn")
      throw new AppError("CONFLICT", "A newer version was prepared; this one can no longer bind", { version: "superseded" });
    return sealChange(row.fingerprint, document.requiredSigners, fromStoredAgreement(row, rows).events, now, input.signingKey);
  });
  if (!result?.row.sealedAt) throw new AppError("NOT_FOUND", "no such agreement");
  return { agreementId: input.agreementId, sealedAt: result.row.sealedAt.toISOString() };
}
