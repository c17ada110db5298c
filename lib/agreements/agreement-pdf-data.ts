import { isLocale, type Locale } from "../i18n/locales";
import type { PartyStatus, VersionState } from "./agreement-state";
import { describeAuthMethod } from "./auth-method-meaning";
import { ASSURANCE_LEVELS } from "../eid/assurance-level";
import { withSignatures } from "./present-signatures";
import { presentationFor, type PresentedSection, type ReadableAgreement } from "./frozen-document";
import type { Issuer } from "./issuer-of-case";
import { formatInstant, intlTag, translator, type Translate } from "./labels";
import { maySeeClientEvidence } from "./evidence-visibility";

/** Everything the PDF prints, already in the reader's language: rendering only lays it out. */
export type AgreementPdfData = {
  language: string;
  title: string;
  /** The issuing organisation (the PDF's author) and the case reference. */
  issuer: Issuer;
  /** "Issued by … · case …", above the title. */
  issuedBy: string;
  /** The document's date (metadata): the newest fact it states. */
  issuedAt: string;
  status: { tone: "binding" | "pending" | "old"; text: string };
  summary: string;
  about: string;
  sections: PresentedSection[];
  signatures: { heading: string; intro: string; rows: { label: string; value: string }[] };
  seal: { heading: string; text: string };
  fingerprint: { heading: string; explain: string; value: string };
  verify: { heading: string; steps: string[] };
  footer: string;
  fileName: string;
};

/** Where a signer's decision came from: what the job centre keeps as evidence. */
export type SignerDevice = { ip: string | null; userAgent: string | null };

export type PdfInput = {
  document: ReadableAgreement;
  fingerprint: string;
  state: VersionState;
  parties: PartyStatus[];
  /** The seal, with the SHA-256 of the sealing key's raw public key when this server knows the key. */
  sealed: { at: string; kid: string; keyFingerprint: string | null } | null;
  latestVersion: number;
  baseUrl: string;
  agreementId: string;
  locale: string;
  issuer: Issuer;
  issuedAt: string;
  /** The role of the person the copy is made for: only the caseworker's copy shows devices. */
  viewer: string;
  /** Each signer's IP address and browser, by participant id, from their latest decision. */
  devices: ReadonlyMap<string, SignerDevice>;
};

/**
 * Only the job centre's copy carries where people signed from (IP address, browser): the others
 * have no need for it, and a manager should not learn an employee's address or device.
 */
export function showsDevices(viewer: string): boolean {
  return maySeeClientEvidence(viewer);
}

/**
 * The agreement in plain language for someone who has never seen Stepwise: what was agreed, who
 * signed when and how their identity was checked, the fingerprint, and how to check it oneself.
 */
export function agreementPdfData(input: PdfInput): AgreementPdfData {
  const { document: doc, fingerprint, baseUrl } = input;
  const shown = presentationFor(doc, input.locale);
  const locale: Locale = isLocale(shown.locale) ? shown.locale : "da";
  const t = translator(locale);
  const when = (at: string) => formatInstant(at, locale);

  const status =
    input.state === "binding"
      ? { tone: "binding" as const, text: t("agreementPdf.status.binding", { date: when(input.sealed!.at) }) }
      : input.state === "replaced"
        ? { tone: "old" as const, text: t("agreementPdf.status.replaced", { latest: input.latestVersion }) }
        : input.state === "withdrawn"
          ? { tone: "old" as const, text: t("agreementPdf.status.withdrawn", { latest: input.latestVersion }) }
          : { tone: "pending" as const, text: t("agreementPdf.status.pending") };

  const withDevices = showsDevices(input.viewer);
  const rows = input.parties.map((p) => {
    const role = t(`roles.${p.role}`);
    const label = p.signs === "supporter" ? t("agreementPdf.supporterLabel", { role }) : role;
    if (p.state === "pending") return { label, value: `${p.name}\n${t("agreementPdf.notSigned")}` };
    const verb =
      p.state === "signed" ? t("agreementPdf.signedAt", { date: when(p.at!) }) : t("agreementPdf.declinedAt", { date: when(p.at!) });
    const lines = [p.name, verb, method(t, p.authMethod ?? "", doc)];
    if (p.state === "declined" && p.reason) lines.push(t("agreementPdf.declineReason", { reason: p.reason }));
    if (withDevices) {
      const device = input.devices.get(p.participantId);
      const unknown = t("agreementPdf.notRecorded");
      lines.push(
        t("agreementPdf.ipAddress", { ip: device?.ip ?? unknown }),
        t("agreementPdf.device", { device: device?.userAgent ?? unknown }),
      );
    }
    return { label, value: lines.join("\n") };
  });
  const { issuer } = input;
  const keysUrl = `${baseUrl}/.well-known/stepwise-keys.json`;

  return {
    language: intlTag(locale),
    title: `${shown.presentation.title} – ${t("agreementPdf.versionOf", { version: doc.version })}`,
    issuer,
    issuedBy: t("agreementPdf.issuedBy", { organisation: issuer.organisationName, reference: issuer.caseReference }),
    issuedAt: input.issuedAt,
    status,
    summary: shown.presentation.summary,
    about: t("agreementPdf.about"),
    // "Who signs" says who signed and when once they have (present-signatures.ts), as the page does.
    sections: withSignatures(shown.presentation, input.parties, locale).sections,
    signatures: {
      heading: t("agreementPdf.signaturesHeading"),
      intro: `${t("agreementPdf.signaturesIntro")} ${t(withDevices ? "agreementPdf.devicesShown" : "agreementPdf.devicesWithheld")}`,
      rows,
    },
    seal: {
      heading: t("agreementPdf.sealHeading"),
      text: input.sealed ? t("agreementPdf.sealed", { date: when(input.sealed.at), kid: input.sealed.kid }) : t("agreementPdf.notSealed"),
    },
    fingerprint: {
      heading: t("agreementPdf.fingerprintHeading"),
      explain: t("agreementPdf.fingerprintExplain"),
      value: groupHex(fingerprint),
    },
    verify: {
      heading: t("agreementPdf.verifyHeading"),
      steps: [
        t("agreementPdf.verifyStep1", { url: `${baseUrl}/api/agreements/${input.agreementId}/bundle` }),
        t("agreementPdf.verifyStep2", { url: `${baseUrl}/verify` }),
        t("agreementPdf.verifyStep3"),
        input.sealed
          ? t(input.sealed.keyFingerprint ? "agreementPdf.verifyKey" : "agreementPdf.verifyKeyId", {
              kid: input.sealed.kid,
              keyFingerprint: groupHex(input.sealed.keyFingerprint ?? ""),
              organisation: issuer.organisationName,
              url: keysUrl,
            })
          : t("agreementPdf.verifyStep4", { url: keysUrl }),
      ],
    },
    footer: t("agreementPdf.footer", {
      organisation: issuer.organisationName,
      reference: issuer.caseReference,
      version: doc.version,
      fingerprint: fingerprint.slice(0, 16),
    }),
    fileName: `stepwise-agreement-v${doc.version}-${fingerprint.slice(0, 8)}.pdf`,
  };
}

/** How the person's identity was checked, in words. */
export function method(t: Translate, authMethod: string, doc: ReadableAgreement): string {
  const meaning = describeAuthMethod(authMethod);
  if (meaning.kind === "in-person") {
    const witness = doc.parties.find((p) => p.participantId === meaning.witnessParticipantId)?.name ?? t("agreementPdf.theCaseworker");
    return t(meaning.signerConnected ? "agreementPdf.method.inPerson" : "agreementPdf.method.inPersonNotConnected", { name: witness });
  }
  if (meaning.kind === "eid") return t("agreementPdf.method.eid", { level: eidLevelWord(t, meaning.level, meaning.acr) });
  if (meaning.kind === "own-device") {
    return meaning.how === "join-link"
      ? t("agreementPdf.method.ownDeviceLink")
      : t("agreementPdf.method.ownDevice", { method: meaning.how });
  }
  return t("agreementPdf.method.other", { method: meaning.raw });
}

/** "substantial" → the word in the reader's language; a level we do not know is shown as sent. */
export function eidLevelWord(t: Translate, level: string, acr: string): string {
  return (ASSURANCE_LEVELS as readonly string[]).includes(level) ? t(`agreement.eidLevel.${level}`) : acr;
}

/** 64 hex digits in groups of 4, so a person can compare them by eye. */
export function groupHex(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(" ") ?? hex;
}
