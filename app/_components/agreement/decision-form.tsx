"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { useTranslations } from "next-intl";
import type { PartyStatus } from "@/lib/agreements/agreement-state";
import { buttonClass, dangerButtonClass, inputClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { decisionErrorKey, RELOAD_ERRORS } from "./decision-errors";
import { sendJson } from "../send-json";
import { useHydrated } from "@/app/_components/ui/use-hydrated";

type Props = {
  agreementId: string;
  fingerprint: string;
  signer: PartyStatus;
  mode: "own-device" | "shared-screen";
  /** The caseworker vouching at the shared screen. */
  witnessName?: string;
  /** The meeting room this version was prepared in (for a stale sign-in's step-up), if any. */
  roomHref?: string | null;
  onDone: (name: string, decision: "signed" | "declined") => void;
};

/**
 * One person's decision: type their full name, state they have read and agree (or give a reason
 * to decline); at the shared screen the caseworker also confirms the identity check. Nothing the
 * person typed is lost on an error.
 */
export function DecisionForm({ agreementId, fingerprint, signer, mode, witnessName, roomHref, onDone }: Props) {
  const t = useTranslations("agreement");
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const hydrated = useHydrated();
  const [typedName, setTypedName] = useState("");
  const [agreed, setAgreed] = useState(false);
  const [identityChecked, setIdentityChecked] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ key: string; field?: string } | null>(null);
  const shared = mode === "shared-screen";

  useEffect(() => {
    if (shared) nameRef.current?.focus();
  }, [shared]);

  // Never rejects: sendJson answers a failed fetch as { ok: false }, shown as an error here; so the
  // form's handler may `void` it.
  // An error is shown, then the focus goes to its field (or, with none, to the message itself).
  const fail = (next: { key: string; field?: string }) => {
    flushSync(() => setError(next));
    document.getElementById(next.field ? `${id}-${next.field}` : `${id}-error`)?.focus();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!typedName.trim()) return fail({ key: "nameRequired", field: "name" });
    if (shared && !identityChecked) return fail({ key: "identity", field: "identity" });
    if (!declining && !agreed) return fail({ key: "agree", field: "agree" });
    if (declining && !reason.trim()) return fail({ key: "reason", field: "reason" });
    setBusy(true);
    setError(null);
    const who = shared ? { mode, signerParticipantId: signer.participantId, identityChecked } : { mode };
    const body = declining
      ? { ...who, typedName, shownHash: fingerprint, reason }
      : { ...who, typedName, shownHash: fingerprint, readAndAgreed: agreed };
    const r = await sendJson(`/api/agreements/${agreementId}/${declining ? "decline" : "sign"}`, "POST", body);
    setBusy(false);
    if (r.ok) return onDone(signer.name, declining ? "declined" : "signed");
    const key = decisionErrorKey(r);
    fail({
      key,
      field:
        key === "nameMismatch"
          ? "name"
          : key === "agree"
            ? "agree"
            : key === "identity"
              ? "identity"
              : key === "reason"
                ? "reason"
                : undefined,
    });
  };

  const errorId = `${id}-error`;
  const describe = (field: string) => (error?.field === field ? errorId : undefined);

  return (
    <form className="mt-3 space-y-4" onSubmit={(e) => void submit(e)} noValidate data-testid={`decision-form-${signer.role}`}>
      <div>
        <label htmlFor={`${id}-name`} className={labelClass}>
          {shared ? t("typeNameShared", { name: signer.name }) : t("typeName")}
        </label>
        <p id={`${id}-name-hint`} className="text-sm text-slate-700">
          {t("typeNameHint")}
        </p>
        <input
          ref={nameRef}
          id={`${id}-name`}
          className={`${inputClass} mt-1 max-w-md`}
          autoComplete="off"
          value={typedName}
          onChange={(e) => setTypedName(e.target.value)}
          aria-invalid={error?.field === "name"}
          aria-describedby={[`${id}-name-hint`, describe("name")].filter(Boolean).join(" ")}
          data-testid="typed-name"
        />
      </div>

      {shared ? (
        <Check
          id={`${id}-identity`}
          checked={identityChecked}
          onChange={setIdentityChecked}
          invalid={error?.field === "identity"}
          describedBy={describe("identity")}
          testId="identity-checked"
        >
          {t("identityCheck", { witness: witnessName ?? "", name: signer.name })}
        </Check>
      ) : null}

      {declining ? (
        <div>
          <label htmlFor={`${id}-reason`} className={labelClass}>
            {t("declineReason")}
          </label>
          <textarea
            id={`${id}-reason`}
            className={`${inputClass} mt-1`}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error?.field === "reason"}
            aria-describedby={describe("reason")}
            data-testid="decline-reason"
          />
        </div>
      ) : (
        <Check
          id={`${id}-agree`}
          checked={agreed}
          onChange={setAgreed}
          invalid={error?.field === "agree"}
          describedBy={describe("agree")}
          testId="read-and-agree"
        >
          {shared ? t("agreeShared", { name: signer.name }) : t("agree")}
        </Check>
      )}

      <p
        id={errorId}
        tabIndex={-1}
        className="text-sm font-medium text-red-800 outline-none"
        aria-live="assertive"
        data-testid="decision-error"
      >
        {error ? t(`errors.${error.key}`, { name: signer.name }) : null}
      </p>
      {error?.key === "stale" && !shared ? <StaleStepUp roomHref={roomHref ?? null} /> : null}
      {error && RELOAD_ERRORS.has(error.key) ? (
        <button type="button" className={buttonClass} onClick={() => window.location.reload()}>
          {t("reload")}
        </button>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        {declining ? (
          <>
            {/* aria-disabled, not disabled: a disabled button drops the focus to <body>. */}
            <button
              type="submit"
              className={dangerButtonClass}
              aria-disabled={busy || undefined}
              disabled={!hydrated}
              data-testid="decline-submit"
            >
              {t("declineSubmit")}
            </button>
            <button type="button" className={buttonClass} onClick={() => setDeclining(false)}>
              {t("declineCancel")}
            </button>
          </>
        ) : (
          <>
            {/* Disabled only until the page is interactive (a tap before would reload the page). */}
            <button
              type="submit"
              className={primaryButtonClass}
              aria-disabled={busy || undefined}
              disabled={!hydrated}
              data-testid="sign-submit"
            >
              {busy ? t("signing") : shared ? t("signSubmitShared", { name: signer.name }) : t("signSubmit")}
            </button>
            <button type="button" className={buttonClass} onClick={() => setDeclining(true)} data-testid="decline-open">
              {t("declineOpen")}
            </button>
          </>
        )}
      </div>
    </form>
  );
}

function Check(props: {
  id: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  invalid: boolean;
  describedBy?: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={props.id}
        type="checkbox"
        className="mt-1 size-5 shrink-0"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
      />
      <label htmlFor={props.id} className="text-base text-slate-900">
        {props.children}
      </label>
    </div>
  );
}

/**
 * A sign-in older than 15 minutes that was not in the meeting's room: the ways to sign from here,
 * on this page — never by signing out (which would also end the caseworker's shared screen).
 */
function StaleStepUp({ roomHref }: { roomHref: string | null }) {
  const t = useTranslations("agreement.staleStepUp");
  return (
    <ul className="ml-5 list-disc space-y-1 text-sm text-slate-900" data-testid="stale-step-up">
      <li>{t("ownLink")}</li>
      <li>{t("atScreen")}</li>
      <li>
        {t("staff")}
        {roomHref ? (
          <>
            {" "}
            <a href={roomHref} target="_blank" rel="noopener" className="font-medium text-blue-800 underline">
              {t("openRoom")}
            </a>
          </>
        ) : null}
      </li>
    </ul>
  );
}
