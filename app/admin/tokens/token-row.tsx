"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, dangerButtonClass, errorClass } from "@/app/_components/ui/classes";
import { closeAndFocus } from "@/app/_components/ui/close-and-focus";
import { revokeApiTokenAction } from "./actions";

/**
 * One token: its name, when it was made and last used, and whether it is revoked. Revoking asks
 * once more ("Yes, revoke" or "Keep it"; Escape keeps it), then focuses what happened.
 */
export function TokenRow({
  id,
  name,
  created,
  used,
  revoked,
}: {
  id: string;
  name: string;
  created: string;
  used: string;
  revoked: string | null;
}) {
  const t = useTranslations("apiTokens");
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await revokeApiTokenAction(prev, form);
    setConfirming(false);
    return result;
  }, null);
  const askRef = useRef<HTMLButtonElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) yesRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (state) statusRef.current?.focus();
  }, [state]);
  const keep = () => closeAndFocus(() => setConfirming(false), askRef);
  const code = state && !state.ok ? (state.fields?.id ?? null) : null;
  const failed = state && !state.ok ? t(code && t.has(`errors.${code}`) ? `errors.${code}` : "errors.other") : null;

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid="api-token-row" data-name={name}>
      <p className="font-medium text-slate-900">{name}</p>
      <p className="text-sm text-slate-700">
        {created} · {used}
      </p>
      <p className="text-sm text-slate-700" data-testid="api-token-status">
        {revoked ?? t("list.active")}
      </p>
      {revoked ? null : confirming ? (
        <form
          action={action}
          role="group"
          aria-labelledby={`revoke-question-${id}`}
          className="mt-2"
          onKeyDown={(e) => {
            if (e.key === "Escape") keep();
          }}
        >
          <input type="hidden" name="tokenId" value={id} />
          <p id={`revoke-question-${id}`} className="text-slate-900">
            {t("list.confirm", { name })}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              ref={yesRef}
              type="submit"
              className={dangerButtonClass}
              aria-disabled={pending || undefined}
              data-testid="api-token-revoke-confirm"
            >
              {t("list.confirmYes")}
            </button>
            <button type="button" className={buttonClass} onClick={keep} data-testid="api-token-keep">
              {t("list.keep")}
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={askRef}
          type="button"
          className={`mt-2 ${buttonClass}`}
          onClick={() => setConfirming(true)}
          data-testid="api-token-revoke"
        >
          {t("list.revoke", { name })}
        </button>
      )}
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={failed ? errorClass : "mt-1 text-sm text-slate-800"}
        data-testid="api-token-row-status"
      >
        {failed ?? (state?.ok ? t("list.revoked", { name: state.value.name }) : null)}
      </p>
    </li>
  );
}
