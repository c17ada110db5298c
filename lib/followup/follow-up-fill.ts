import type * as Y from "yjs";
import type { Locale } from "../i18n/locales";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { carryForward } from "./carry-forward";

/**
 * What a new meeting of the case starts from: when the case has a binding agreement, a fill that
 * carries it forward (its plan as the draft, a review item per action and sub-goal); otherwise
 * nothing (an empty meeting, as for a first meeting).
 */
export async function followUpFill(caseId: string, locale: Locale): Promise<((doc: Y.Doc) => void) | undefined> {
  const binding = bindingOf(await loadCaseAgreements(caseId));
  if (!binding) return undefined;
  const basis = { agreementId: binding.id, version: binding.version, fingerprint: binding.fingerprint, content: binding.content };
  return (doc) => carryForward(doc, basis, locale);
}
