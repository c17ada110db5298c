import { isLocale, type Locale } from "../i18n/locales";
import { translator } from "./labels";

/**
 * Why a verification failed, as a code with its values, so every reader gets the reason in their
 * own language (the /verify page, `npm run verify`, the "record altered" page) from the
 * catalogue `verifyReasons` in lib/i18n/messages/verification.json. `why` on a result is the same
 * reason in English, for logs and tests.
 */
export const PROBLEM_CODES = [
  // the file
  "notJson",
  "notObject",
  "wrongFormat",
  "malformed",
  // the document
  "canonicalBase64",
  "notCanonical",
  "fingerprintMismatch",
  "headerInvalid",
  "fieldMismatch",
  // the key
  "publicKeyMalformed",
  "kidNotDerived",
  "sealKidMismatch",
  "keyDiffersFromTrusted",
  "keyNotTrusted",
  "noTrustedKeys",
  // the events
  "chainSeq",
  "chainFirstLink",
  "chainLink",
  "eventAltered",
  "firstNotPrepared",
  "noSealedEvent",
  "sealedNotLast",
  "signatureIncomplete",
  "signedOther",
  "clientFactsUnknownEvent",
  "clientFactsMismatch",
  // the seal
  "sealSignatureMalformed",
  "sealSignatureBad",
  "sealChainHead",
  "sealTime",
  "signersMissing",
  // only a stored record (the database), never a file
  "storedFingerprint",
  "storedEventUnreadable",
  "storedEventColumns",
  "eventNotAttested",
  "eventAttestationBad",
  "sealKeyUnknown",
  "sealMissing",
  "unsealedWithSealedEvent",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type ProblemParams = Record<string, string | number>;
export type Problem = { code: ProblemCode; params: ProblemParams };

export function problem(code: ProblemCode, params: ProblemParams = {}): Problem {
  return { code, params };
}

/** The reason in words, in the reader's language (English for logs). */
export function describeProblem(p: Problem, locale: Locale | string = "en"): string {
  return translator(isLocale(locale) ? locale : "en")(`verifyReasons.${p.code}`, p.params);
}
