import type { Me } from "../access/actor";
import { recordAccess } from "../audit/record-access";
import { isLocale, type Locale } from "../i18n/locales";
import { intlTag } from "../i18n/number-format";
import { readAgreementContent } from "./agreement-content";
import { whoOf } from "./access-actor";
import { versionState } from "./agreement-state";
import { buildExport, type ExportFormat, type ExportHeader } from "./authority-exports";
import { translator } from "./labels";
import { loadAgreementFor } from "./load-agreement";
import { issuerOfCase } from "./issuer-of-case";
import { renderExportPdf } from "./render-export-pdf";
import { parseCanonical } from "./canonical-json";

/**
 * One agreement version in an authority's format (docs/exports.md), for the case's participants
 * with the export permission — the same check as the agreement's PDF. Everything comes from the
 * version's stored canonical bytes (proven on load), never from the live room, so the export can
 * never say something the signed version does not. JSON, or a PDF when asked for one.
 */
export async function exportForAuthority(input: {
  me: Me;
  agreementId: string;
  format: ExportFormat;
  locale: string;
  as: "json" | "pdf";
}): Promise<{ json: Record<string, unknown> } | { pdf: Uint8Array; fileName: string }> {
  const { row, versions, document } = await loadAgreementFor(input.me, input.agreementId, "export");
  const content = readAgreementContent(row.canonical);
  const raw = parseCanonical(row.canonical) as { case?: { employeeName?: unknown; employer?: unknown }; meeting?: { title?: unknown } };
  const header: ExportHeader = {
    agreementId: row.id,
    version: row.version,
    fingerprint: row.fingerprint,
    employeeName: typeof raw.case?.employeeName === "string" ? raw.case.employeeName : "",
    employer: typeof raw.case?.employer === "string" ? raw.case.employer : null,
    meetingTitle: typeof raw.meeting?.title === "string" ? raw.meeting.title : "",
    meetingStartsAt: content.meeting.startsAt,
    parties: document.parties.map((p) => ({ role: p.role, name: p.name })),
    binding: versionState(row, versions) === "binding",
  };
  const locale: Locale = isLocale(input.locale) ? input.locale : "da";
  const built = buildExport(input.format, header, content, translator(locale), locale);
  await recordAccess({ who: whoOf(input.me), caseId: row.caseId, what: "agreement_export", resourceId: row.id, purpose: "export" });
  if (input.as === "json") return { json: built.json };
  const issuer = await issuerOfCase({ caseId: row.caseId });
  const pdf = await renderExportPdf(built.printable, {
    author: issuer.organisationName,
    language: intlTag(locale),
    createdAt: new Date(document.preparedAt),
    footer: `${built.printable.title} · ${row.fingerprint.slice(0, 16)}`,
  });
  return { pdf, fileName: `${input.format}-v${row.version}.pdf` };
}
