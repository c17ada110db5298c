import { isLocale, LOCALES, type Locale } from "../i18n/locales";
import type { PartyStatus } from "./agreement-state";
import type { Presentation } from "./frozen-document";
import { formatInstant, translator } from "./labels";

/**
 * The frozen text lists who signs ("Kurt Hansen – must sign"): that is what people agreed to ask.
 * Once they have signed, the version as shown says who signed and when instead — from the signature
 * events, which are evidence of their own, beside the frozen bytes (which never change). Pending
 * parties keep the frozen wording. Pages and the PDF show the result; the bytes are untouched.
 *
 * The section is found by its heading in any of our languages (the catalogues' `agreementDoc.whoSigns`),
 * with one row per party in the document's order — how present-agreement.ts writes it.
 */
export function withSignatures(presentation: Presentation, parties: readonly PartyStatus[], locale: string): Presentation {
  const lang: Locale = isLocale(locale) ? locale : "da";
  const t = translator(lang);
  const headings = new Set(LOCALES.map((l) => translator(l)("agreementDoc.whoSigns")));
  const index = presentation.sections.findLastIndex((s) => headings.has(s.heading) && s.rows.length === parties.length);
  if (index < 0 || parties.every((p) => p.state === "pending")) return presentation;
  const section = presentation.sections[index]!;
  const rows = section.rows.map((row, i) => {
    const p = parties[i]!;
    if (p.state === "signed" && p.at)
      return { label: row.label, value: t("agreementDoc.signedBy", { name: p.name, when: formatInstant(p.at, lang) }) };
    if (p.state === "declined" && p.at)
      return { label: row.label, value: t("agreementDoc.declinedBy", { name: p.name, when: formatInstant(p.at, lang) }) };
    return row;
  });
  const sections = presentation.sections.map((s, i) => (i === index ? { ...s, rows } : s));
  return { ...presentation, sections };
}
