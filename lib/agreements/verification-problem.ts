import { isLocale, type Locale } from "../i18n/locales";
import { isRole } from "../plan/roles";
import { translator, type Translate } from "./labels";

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
  const t = translator(isLocale(locale) ? locale : "en");
  return t(`verifyReasons.${p.code}`, inWords(p.params, t));
}

const SIGNER_STATES = ["pending", "declined"];

/**
 * Values that are codes in the file, put in words: `role` ("employee" → "Medarbejder"), `missing`
 * ("employee:pending,manager:declined" → "Medarbejder (har ikke skrevet under), …"), the file's top
 * level ("(root)") and an absent format. A code we do not know (a crafted file) is shown as written.
 */
function inWords(params: ProblemParams, t: Translate): ProblemParams {
  const role = (code: string) => (isRole(code) ? t(`roles.${code}`) : code);
  const out: ProblemParams = { ...params };
  if (typeof params.role === "string") out.role = role(params.role);
  if (params.path === "(root)") out.path = t("verifyReasonParts.root");
  if (params.format === "missing") out.format = t("verifyReasonParts.noFormat");
  if (typeof params.missing === "string") {
    out.missing = params.missing
      .split(",")
      .map((pair) => {
        const [who = "", state = ""] = pair.split(":");
        return `${role(who)} (${SIGNER_STATES.includes(state) ? t(`verifyReasonParts.signerState.${state}`) : state})`;
      })
      .join(", ");
  }
  return out;
}
