import { recordAccess } from "../audit/record-access";
import type { Me } from "../meetings/require-meeting-participant";
import { partyStatuses, versionState } from "./agreement-state";
import { agreementPdfData } from "./agreement-pdf-data";
import { loadAgreementFor } from "./load-agreement";
import { renderAgreementPdf } from "./render-agreement-pdf";
import { whoOf } from "./access-actor";

/**
 * The printable PDF of one version, for the case's participants (export permission): rendered
 * from the stored canonical bytes and events, in the reader's language when the version was
 * frozen in it. Unsigned versions print too, marked plainly as not binding.
 */
export async function exportAgreementPdf(input: { me: Me; agreementId: string; locale: string; baseUrl: string }): Promise<{ bytes: Uint8Array; fileName: string; caseId: string }> {
  const { row, versions, events, document } = await loadAgreementFor(input.me, input.agreementId, "export");
  const sealedEvent = events.find((e) => e.type === "sealed");
  const data = agreementPdfData({
    document,
    fingerprint: row.fingerprint,
    state: versionState(row, versions),
    parties: partyStatuses(document, row.fingerprint, events),
    sealed: sealedEvent && row.sealKid ? { at: sealedEvent.at, kid: row.sealKid } : null,
    latestVersion: versions.at(-1)?.version ?? row.version,
    baseUrl: input.baseUrl,
    agreementId: row.id,
    locale: input.locale,
  });
  const bytes = await renderAgreementPdf(data);
  // Shown only once its access-log row is written (no showing without its record).
  await recordAccess({ who: whoOf(input.me), caseId: row.caseId, what: "agreement_pdf", resourceId: row.id, purpose: "export" });
  return { bytes, fileName: data.fileName, caseId: row.caseId };
}
