"use client";

import { useActionState, useId, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { labelClass, primaryButtonClass } from "@/app/_components/room/ui";
import { verifyUploadedBundle, type VerifyState } from "./actions";

/** Keep in step with MAX_BUNDLE_BYTES in lib (checked there too): refuse big files before uploading. */
const MAX_BYTES = 512 * 1024;

export function VerifyForm() {
  const t = useTranslations("verify");
  const roles = useTranslations("roles");
  const format = useFormatter();
  const id = useId();
  const [state, action, pending] = useActionState<VerifyState, FormData>(verifyUploadedBundle, null);
  const [tooBig, setTooBig] = useState(false);
  const error = tooBig ? "too_large" : state && !state.ok ? state.error : null;
  const when = (at: string) => format.dateTime(new Date(at), { dateStyle: "long", timeStyle: "short" });

  return (
    <div className="space-y-6">
      <form action={action} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid="verify-form">
        <label htmlFor={`${id}-file`} className={labelClass}>
          {t("fileLabel")}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {t("fileHint")}
        </p>
        <input
          id={`${id}-file`}
          name="bundle"
          type="file"
          accept=".json,application/json"
          className="mt-2 block w-full text-base"
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(e) => setTooBig((e.target.files?.[0]?.size ?? 0) > MAX_BYTES)}
          data-testid="verify-file"
        />
        <p id={`${id}-error`} className="mt-2 text-sm font-medium text-red-800" aria-live="assertive">
          {error ? t(`errors.${error}`) : null}
        </p>
        <button type="submit" className={`${primaryButtonClass} mt-3`} disabled={pending || tooBig} data-testid="verify-submit">
          {pending ? t("checking") : t("check")}
        </button>
      </form>

      <div role="status" aria-live="polite">
        {state?.ok ? (
          state.result.valid ? (
            <section className="rounded-xl border-2 border-green-700 bg-green-50 p-4 sm:p-6" data-testid="verify-result" data-valid="true">
              <h2 className="text-2xl font-bold text-green-900">{t("valid")}</h2>
              <p className="mt-1 text-green-950">{t("validBody", { file: state.fileName })}</p>
              <p className={`mt-3 rounded-lg p-3 font-medium ${state.result.sealedHere ? "bg-white text-green-950" : "border border-amber-700 bg-amber-50 text-amber-950"}`} data-testid="verify-origin">
                {state.result.sealedHere ? t("sealedHere", { kid: state.result.summary.kid }) : t("notSealedHere", { kid: state.result.summary.kid })}
              </p>
              <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
                <dt className="font-medium">{t("version")}</dt>
                <dd>{state.result.summary.version}</dd>
                <dt className="font-medium">{t("fingerprint")}</dt>
                <dd className="break-all font-mono text-sm" data-testid="verify-fingerprint">
                  {state.result.summary.fingerprint.match(/.{1,4}/g)?.join(" ")}
                </dd>
                <dt className="font-medium">{t("sealedAt")}</dt>
                <dd>{when(state.result.summary.sealedAt)}</dd>
                <dt className="font-medium">{t("signedBy")}</dt>
                <dd>
                  <ul>
                    {state.result.summary.signers.map((s, i) => (
                      <li key={i}>
                        {s.name ?? s.participantId} ({roles.has(s.role) ? roles(s.role) : s.role}), {when(s.at)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </dl>
            </section>
          ) : (
            <section className="rounded-xl border-2 border-red-700 bg-red-50 p-4 sm:p-6" data-testid="verify-result" data-valid="false">
              <h2 className="text-2xl font-bold text-red-900">{t("invalid")}</h2>
              <p className="mt-1 text-red-950">{t("invalidBody")}</p>
              <p className="mt-2 font-mono text-sm text-red-950" data-testid="verify-why">
                {state.result.why}
              </p>
            </section>
          )
        ) : null}
      </div>
    </div>
  );
}
