"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { UploadedBundleCheck } from "@/lib/agreements/check-uploaded-bundle";
import type { BundleSummary } from "@/lib/agreements/bundle";

const grouped = (hex: string) => hex.match(/.{1,4}/g)?.join(" ") ?? hex;

/**
 * The answer for one file, in three states that never look alike: VALID (green: intact and sealed
 * with this server's key), NOT VERIFIED (amber: intact, but a stranger's key — which anyone who
 * edited the agreement could have used), INVALID (red).
 */
export function VerifyResult({ result, fileName }: { result: UploadedBundleCheck; fileName: string }) {
  const t = useTranslations("verifyResult");
  if (result.status === "valid") {
    return (
      <section
        className="rounded-xl border-2 border-green-700 bg-green-50 p-4 sm:p-6"
        data-testid="verify-result"
        data-valid="true"
        data-status="valid"
      >
        <h2 className="text-2xl font-bold text-green-900">{t("valid")}</h2>
        <p className="mt-1 text-green-950">{t("validBody", { file: fileName })}</p>
        <p className="mt-3 rounded-lg bg-white p-3 font-medium text-green-950" data-testid="verify-origin">
          {t("sealedHere", { kid: result.summary.kid })} {result.currentKey ? null : t("olderKey")}
        </p>
        <Summary summary={result.summary} />
      </section>
    );
  }
  if (result.status === "unknown_key") {
    return (
      <section
        className="rounded-xl border-2 border-amber-700 bg-amber-50 p-4 sm:p-6"
        data-testid="verify-result"
        data-valid="false"
        data-status="unknown_key"
      >
        <h2 className="text-2xl font-bold text-amber-950">{t("unknownKey")}</h2>
        <p className="mt-1 text-amber-950" data-testid="verify-origin">
          {t("unknownKeyBody", { file: fileName, kid: result.summary.kid })}
        </p>
        <p className="mt-2 text-sm text-amber-950">
          {t("technicalReason")} <span data-testid="verify-why">{result.why}</span>
        </p>
        <Summary summary={result.summary} />
      </section>
    );
  }
  return (
    <section
      className="rounded-xl border-2 border-red-700 bg-red-50 p-4 sm:p-6"
      data-testid="verify-result"
      data-valid="false"
      data-status="invalid"
    >
      <h2 className="text-2xl font-bold text-red-900">{t("invalid")}</h2>
      <p className="mt-1 text-red-950">
        {t("invalidBody")} {t("technicalReason")}
      </p>
      <p className="mt-2 font-mono text-sm text-red-950" data-testid="verify-why">
        {result.why}
      </p>
    </section>
  );
}

function Summary({ summary }: { summary: BundleSummary }) {
  const t = useTranslations("verify");
  const r = useTranslations("verifyResult");
  const roles = useTranslations("roles");
  const format = useFormatter();
  const when = (at: string) => format.dateTime(new Date(at), { dateStyle: "long", timeStyle: "short" });
  return (
    <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium">{t("version")}</dt>
      <dd>{summary.version}</dd>
      <dt className="font-medium">{t("fingerprint")}</dt>
      <dd className="font-mono text-sm break-all" data-testid="verify-fingerprint">
        {grouped(summary.fingerprint)}
      </dd>
      <dt className="font-medium">{t("sealedAt")}</dt>
      <dd>{when(summary.sealedAt)}</dd>
      <dt className="font-medium">{r("keyFingerprint")}</dt>
      <dd className="font-mono text-sm break-all" data-testid="verify-key-fingerprint">
        {grouped(summary.keyFingerprint)}
      </dd>
      <dt className="font-medium">{t("signedBy")}</dt>
      <dd>
        <ul>
          {summary.signers.map((s, i) => (
            <li key={i}>
              {s.name ?? s.participantId} ({roles.has(s.role) ? roles(s.role) : s.role}), {when(s.at)}
            </li>
          ))}
        </ul>
      </dd>
      <dt className="font-medium">{r("evidence")}</dt>
      <dd data-testid="verify-evidence">{summary.evidence === "full" ? r("evidenceFull") : r("evidenceRedacted")}</dd>
    </dl>
  );
}
