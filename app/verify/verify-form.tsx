"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { verifyUploadedBundle, type VerifyState } from "./actions";
import { VerifyResult } from "./verify-result";

/** Keep in step with MAX_BUNDLE_BYTES in lib (checked there too): refuse big files before uploading. */
const MAX_BYTES = 512 * 1024;

/** The file field's message: the two the server names, else that the check failed. */
function fileError(code: string | undefined): "no_file" | "too_large" | "failed" {
  return code === "no_file" || code === "too_large" ? code : "failed";
}

export function VerifyForm() {
  const t = useTranslations("verify");
  const id = useId();
  const [state, action, pending] = useActionState<VerifyState, FormData>(verifyUploadedBundle, null);
  const [tooBig, setTooBig] = useState(false);
  const error = tooBig ? "too_large" : state && !state.ok ? fileError(state.fields?.file) : null;
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // Each answer from the server moves the focus to it: the result, or the file field with its error.
  useEffect(() => {
    if (!state) return;
    if (state.ok) resultRef.current?.focus();
    else fileRef.current?.focus();
  }, [state]);

  return (
    <div className="space-y-6">
      <form
        action={action}
        onSubmit={(e) => {
          // aria-disabled rather than disabled (a disabled button drops the focus to <body>).
          if (pending || tooBig) e.preventDefault();
        }}
        className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
        data-testid="verify-form"
      >
        <label htmlFor={`${id}-file`} className={labelClass}>
          {t("fileLabel")}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {t("fileHint")}
        </p>
        <input
          ref={fileRef}
          id={`${id}-file`}
          name="bundle"
          type="file"
          accept=".json,application/json"
          className="mt-2 block w-full text-base"
          aria-describedby={`${id}-hint ${id}-error`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setTooBig((e.target.files?.[0]?.size ?? 0) > MAX_BYTES)}
          data-testid="verify-file"
        />
        <p id={`${id}-error`} className="mt-2 text-sm font-medium text-red-800" aria-live="assertive">
          {error ? t(`errors.${error}`) : null}
        </p>
        <button
          type="submit"
          className={`${primaryButtonClass} mt-3`}
          aria-disabled={pending || tooBig || undefined}
          data-testid="verify-submit"
        >
          {pending ? t("checking") : t("check")}
        </button>
      </form>

      <div ref={resultRef} tabIndex={-1} role="status" aria-live="polite" className="outline-none" data-testid="verify-result-region">
        {state?.ok ? <VerifyResult result={state.value.result} fileName={state.value.fileName} /> : null}
      </div>
    </div>
  );
}
