"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";
import { errorClass, hintClass, inputClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { useFocusResult } from "@/app/_components/ui/use-focus-result";
import { createApiTokenAction } from "./actions";
import { IssuedToken } from "./issued-token";

/**
 * Name a system and make its token. A refused name is marked on its field (focus goes there);
 * a made token is shown once in the panel above the field (focus goes there), until "I have
 * stored it" — then the field is ready for the next.
 */
export function CreateTokenForm() {
  const t = useTranslations("apiTokens");
  const [name, setName] = useState("");
  const [dismissed, setDismissed] = useState<unknown>(null);
  const [state, action, pending] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await createApiTokenAction(prev, form);
    if (result.ok) setName("");
    return result;
  }, null);
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  useFocusResult(state, formRef, resultRef);
  const fieldCode = state && !state.ok ? state.fields?.name : undefined;
  const fieldError = fieldCode ? (t.has(`errors.${fieldCode}`) ? t(`errors.${fieldCode}`) : t("errors.other")) : null;
  const formError =
    state && !state.ok
      ? fieldError
        ? t("errors.checkFields")
        : t(state.error === "UNAUTHENTICATED" ? "errors.signedOut" : state.error === "FORBIDDEN" ? "errors.forbidden" : "errors.other")
      : null;
  const issued = state?.ok && dismissed !== state ? state.value : null;

  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={submitWithoutReset(action, pending)}
      noValidate
      className="mt-3"
      data-testid="create-token-form"
    >
      <div ref={resultRef} tabIndex={-1} className="outline-none">
        <p role="alert" className={errorClass} data-testid="create-token-error">
          {formError}
        </p>
        {issued ? (
          <IssuedToken
            token={issued.token}
            name={issued.name}
            onDone={() => {
              setDismissed(state);
              nameRef.current?.focus();
            }}
          />
        ) : null}
      </div>
      <div className="mt-3">
        <label htmlFor="token-name" className={labelClass}>
          {t("create.name")}
        </label>
        <p id="token-name-hint" className={hintClass}>
          {t("create.nameHint")}
        </p>
        <input
          ref={nameRef}
          id="token-name"
          name="name"
          autoComplete="off"
          maxLength={200}
          className={`mt-1 ${inputClass}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(fieldError) || undefined}
          aria-describedby="token-name-hint token-name-error"
          data-testid="token-name"
        />
        <p id="token-name-error" className={errorClass}>
          {fieldError}
        </p>
      </div>
      <button type="submit" className={`mt-4 ${primaryButtonClass}`} aria-disabled={pending || undefined} data-testid="create-token-submit">
        {pending ? t("create.creating") : t("create.submit")}
      </button>
    </form>
  );
}
