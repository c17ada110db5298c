"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/app/_server/action";
import { useTranslations } from "next-intl";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";
import { ROLES } from "@/lib/plan/roles";
import { errorClass, hintClass, inputClass, labelClass, primaryButtonClass, selectClass } from "@/app/_components/ui/classes";
import { inviteAction } from "./actions";
import type { IssuedView } from "./view-types";

/** Invite a person by role, with their name and (optionally) an e-mail the link is sent to. */
export function InviteForm({ caseId, onIssued }: { caseId: string; onIssued: (v: IssuedView) => void }) {
  const t = useTranslations("staff.invite");
  const [state, action, pending] = useActionState(
    (prev: ActionResult<IssuedView> | null, form: FormData) => inviteAction(caseId, prev, form),
    null,
  );
  const issued = state?.ok ? state.value : null;
  // The fresh link goes to the panel above (shown once) in the same commit in which the form
  // starts afresh — not earlier from inside the action, or someone typing the next invitation
  // while the page refreshes would see it wiped a moment later.
  const onIssuedRef = useRef(onIssued);
  useEffect(() => {
    onIssuedRef.current = onIssued;
  });
  useEffect(() => {
    if (issued) onIssuedRef.current(issued);
  }, [issued]);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="mt-3" data-testid="invite-form">
      {state && !state.ok ? (
        <p className={errorClass} role="alert" data-testid="invite-error">
          {state.error === "INVALID_INPUT" ? t("checkFields") : state.error === "CONFLICT" ? t("needsMeeting") : t("failed")}
        </p>
      ) : null}
      <InviteFields key={issued?.url ?? "new"} fields={state && !state.ok ? (state.fields ?? {}) : {}} />
      <button type="submit" className={`mt-4 ${primaryButtonClass}`} disabled={pending} data-testid="invite-submit">
        {pending ? t("inviting") : t("invite")}
      </button>
    </form>
  );
}

function InviteFields({ fields }: { fields: Record<string, string> }) {
  const t = useTranslations("staff.invite");
  const tf = useTranslations("staff.fieldErrors");
  const tRoles = useTranslations("roles");
  const [role, setRole] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const err = (f: string) => (
    <p id={`invite-${f}-error`} className={errorClass}>
      {fields[f] ? (tf.has(fields[f]) ? tf(fields[f]) : tf("invalid")) : null}
    </p>
  );
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <div>
        <label htmlFor="invite-role" className={labelClass}>
          {t("role")}
        </label>
        <select
          id="invite-role"
          name="role"
          className={`mt-1 ${selectClass}`}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          aria-invalid={Boolean(fields.role) || undefined}
          aria-describedby="invite-role-error"
          data-testid="invite-role"
        >
          <option value="">{t("chooseRole")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)}
            </option>
          ))}
        </select>
        {err("role")}
      </div>
      <div>
        <label htmlFor="invite-name" className={labelClass}>
          {t("name")}
        </label>
        <input
          id="invite-name"
          name="displayName"
          className={`mt-1 ${inputClass}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          aria-invalid={Boolean(fields.displayName) || undefined}
          aria-describedby="invite-displayName-error"
          data-testid="invite-name"
        />
        {err("displayName")}
      </div>
      <div>
        <label htmlFor="invite-email" className={labelClass}>
          {t("email")}
        </label>
        <input
          id="invite-email"
          name="email"
          type="email"
          className={`mt-1 ${inputClass}`}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="off"
          aria-invalid={Boolean(fields.email) || undefined}
          aria-describedby="invite-email-hint invite-email-error"
          data-testid="invite-email"
        />
        <p id="invite-email-hint" className={hintClass}>
          {t("emailHint")}
        </p>
        {err("email")}
      </div>
    </div>
  );
}
