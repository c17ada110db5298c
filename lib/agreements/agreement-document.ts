import { z } from "zod";
import { AppError } from "../errors";
import { canonicalBytes } from "./canonical-json";
import { sha256Hex } from "./fingerprint";

/**
 * The fields every frozen agreement document must carry at its top level, besides the plan
 * itself. They live inside the canonical bytes — not only beside them in the bundle or the
 * database — because only what is hashed is protected: a bundle that relabels version 2 as
 * version 3, or moves it to another case, must fail verification.
 *
 *   agreementId      the agreement version's id (generate it before freezing)
 *   caseId           the case it belongs to
 *   version          1, 2, 3… (an amendment is n+1)
 *   requiredSigners  the roles that must sign before it can be sealed, e.g.
 *                    ["employee", "manager", "caseworker"]; a supporter who may sign
 *                    (the union representative) is simply not listed
 *
 * Everything else (plan, actions, staircase step, mixer desk, follow-up, labels as shown,
 * amendment reason…) is free-form JSON.
 */
export const agreementDocumentHeaderSchema = z.looseObject({
  agreementId: z.string().min(1),
  caseId: z.string().min(1),
  version: z.number().int().positive(),
  requiredSigners: z
    .array(z.string().min(1))
    .min(1)
    .refine((roles) => new Set(roles).size === roles.length, "requiredSigners lists a role twice"),
});

export type AgreementDocumentHeader = {
  agreementId: string;
  caseId: string;
  version: number;
  requiredSigners: string[];
};

export type FrozenAgreement = {
  header: AgreementDocumentHeader;
  /** The RFC 8785 bytes to store (text/bytea, never jsonb, which reorders keys). */
  canonical: Uint8Array;
  fingerprint: string;
};

/** Freezes a document into its canonical bytes and fingerprint, after checking the header. */
export function freezeAgreement(document: AgreementDocumentHeader & Record<string, unknown>): FrozenAgreement {
  const parsed = agreementDocumentHeaderSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("INVALID_INPUT", `Agreement document: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
  }
  const canonical = canonicalBytes(document);
  const { agreementId, caseId, version, requiredSigners } = parsed.data;
  return { header: { agreementId, caseId, version, requiredSigners }, canonical, fingerprint: sha256Hex(canonical) };
}
