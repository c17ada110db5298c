import { recordAccess } from "../audit/record-access";
import { env } from "../env";
import type { Me } from "../access/actor";
import { partyStatuses, versionState } from "./agreement-state";
import { agreementPdfData, showsDevices, type SignerDevice } from "./agreement-pdf-data";
import { decodeBase64url } from "./base64";
import type { ClientOpening } from "./client-facts";
import { isLegacyEvent, type SignatureEvent } from "./event-chain";
import { sha256Hex } from "./fingerprint";
import { issuerOfCase } from "./issuer-of-case";
import { loadAgreementFor } from "./load-agreement";
import { renderAgreementPdf } from "./render-agreement-pdf";
import { findPublicKey } from "./signing-keys";
import { whoOf } from "./access-actor";

/**
 * The printable PDF of one version, for the case's participants (export permission): rendered
 * from the stored canonical bytes and events, in the reader's language when the version was
 * frozen in it. Unsigned versions print too, marked plainly as not binding. The copy is made for
 * the reader's role: only the caseworker's shows the signers' IP addresses and browsers.
 */
export async function exportAgreementPdf(input: {
  me: Me;
  agreementId: string;
  locale: string;
  baseUrl: string;
}): Promise<{ bytes: Uint8Array; fileName: string; caseId: string }> {
  const { row, versions, events, openings, document } = await loadAgreementFor(input.me, input.agreementId, "export");
  const sealedEvent = events.find((e) => e.type === "sealed");
  const later = versions.filter((v) => v.version > row.version);
  const data = agreementPdfData({
    document,
    fingerprint: row.fingerprint,
    state: versionState(row, versions),
    parties: partyStatuses(document, row.fingerprint, events),
    sealed: sealedEvent && row.sealKid ? { at: sealedEvent.at, kid: row.sealKid, keyFingerprint: keyFingerprint(row.sealKid) } : null,
    latestVersion: versions.at(-1)?.version ?? row.version,
    baseUrl: input.baseUrl,
    agreementId: row.id,
    locale: input.locale,
    issuer: await issuerOfCase({ caseId: row.caseId }),
    // The newest fact the PDF states: this version's last event, or a later version that replaced it.
    issuedAt: latest([document.preparedAt, ...events.map((e) => e.at), ...later.flatMap((v) => [v.createdAt, v.sealedAt])]),
    viewer: input.me.role,
    // Not even handed to the renderer for anyone else, so no layout change can leak them.
    devices: showsDevices(input.me.role) ? devicesOf(events, openings) : new Map(),
  });
  const bytes = await renderAgreementPdf(data);
  // Shown only once its access-log row is written (no showing without its record).
  await recordAccess({ who: whoOf(input.me), caseId: row.caseId, what: "agreement_pdf", resourceId: row.id, purpose: "export" });
  return { bytes, fileName: data.fileName, caseId: row.caseId };
}

/**
 * Each participant's IP address and browser at their latest decision on this version: the
 * opening of the event's commitment (format 2), or the clear text of an event from before it.
 */
function devicesOf(events: readonly SignatureEvent[], openings: ReadonlyMap<number, ClientOpening>): Map<string, SignerDevice> {
  const out = new Map<string, SignerDevice>();
  for (const e of events) {
    if ((e.type !== "signed" && e.type !== "declined") || !e.participantId) continue;
    const facts = isLegacyEvent(e) ? e : openings.get(e.seq);
    out.set(e.participantId, { ip: facts?.ip ?? null, userAgent: facts?.userAgent ?? null });
  }
  return out;
}

/** SHA-256 of the sealing key's raw public key, when this server knows the key. */
function keyFingerprint(kid: string): string | null {
  const key = findPublicKey(env().DATA_DIR, kid);
  const raw = key ? decodeBase64url(key.publicKey) : null;
  return raw ? sha256Hex(raw) : null;
}

function latest(instants: readonly (Date | string | null)[]): string {
  const times = instants.filter((x): x is Date | string => x !== null).map((x) => new Date(x).getTime());
  return new Date(Math.max(...times)).toISOString();
}
