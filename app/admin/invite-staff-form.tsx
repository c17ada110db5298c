"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { errorClass, inputClass, labelClass, noticeClass, primaryButtonClass, selectClass } from "@/app/_components/ui/classes";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";
import { inviteStaffAction } from "./actions";

const ROLES = ["caseworker", "team_lead", "admin"] as const;
const FIELDS = ["email", "name", "role"] as const;
const EMPTY = { email: "", name: "", role: "caseworker" };

/**
 * Invite a colleague. Each field's error sits under it (aria-describedby); after a refused submit
 * focus goes to the first field in error, after a successful one to the confirmation, and the
 * fields are emptied for the next person.
 */
export function InviteStaffForm() {
  const t = useTranslations("admin");
  const [values, setValues] = useState(EMPTY);
  // Emptied for the next colleague once one is invited; kept as typed when something is refused.
  const [state, action, pending] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await inviteStaffAction(prev, form);
    if (result.ok) setValues(EMPTY);
    return result;
  }, null);
  const done = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const err = (f: string) => (fields[f] ? (t.has(`errors.${fields[f]}`) ? t(`errors.${fields[f]}`) : t("errors.other")) : null);

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      done.current?.focus();
      return;
    }
    const first = FIELDS.find((f) => state.fields?.[f]);
    formRef.current?.querySelector<HTMLElement>(first ? `#invite-${first}` : "#invite-error")?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={action} onSubmit={submitWithoutReset(action)} noValidate className="mt-3" data-testid="invite-staff-form">
      <p id="invite-error" role="alert" tabIndex={-1} className={errorClass} data-testid="invite-staff-error">
        {state && !state.ok ? (Object.keys(fields).length > 0 ? t("errors.checkFields") : t("errors.other")) : null}
      </p>
      {state?.ok ? (
        <p ref={done} tabIndex={-1} role="status" className={`mt-2 ${noticeClass}`} data-testid="invite-staff-done">
          {t("invite.done", { name: state.value.name })}
        </p>
      ) : null}
      {(["email", "name"] as const).map((f) => (
        <div key={f} className="mt-3">
          <label htmlFor={`invite-${f}`} className={labelClass}>
            {t(`invite.${f}`)}
          </label>
          <input
            id={`invite-${f}`}
            name={f}
            type={f === "email" ? "email" : "text"}
            autoComplete="off"
            className={`mt-1 ${inputClass}`}
            value={values[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
            aria-invalid={Boolean(fields[f]) || undefined}
            aria-describedby={`invite-${f}-error`}
            data-testid={`invite-${f}`}
          />
          <p id={`invite-${f}-error`} className={errorClass}>
            {err(f)}
          </p>
        </div>
      ))}
      <div className="mt-3">
        <label htmlFor="invite-role" className={labelClass}>
          {t("invite.role")}
        </label>
        <select
          id="invite-role"
          name="role"
          className={`mt-1 ${selectClass}`}
          value={values.role}
          onChange={(e) => setValues((v) => ({ ...v, role: e.target.value }))}
          aria-invalid={Boolean(fields.role) || undefined}
          aria-describedby="invite-role-error"
          data-testid="invite-role"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <p id="invite-role-error" className={errorClass}>
          {err("role")}
        </p>
      </div>
      <button type="submit" className={`mt-4 ${primaryButtonClass}`} disabled={pending} data-testid="invite-staff-submit">
        {pending ? t("invite.sending") : t("invite.submit")}
      </button>
    </form>
  );
}
