"use client";

import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass, errorClass, hintClass } from "@/app/_components/ui/classes";
import { sendJson } from "@/app/_components/send-json";

type Props = {
  caseId: string;
  headingId: string;
  subGoalId: string;
  /** The employee decides everything; the caseworker may only mark a measure as about health. */
  choose: "all" | "protect";
  health: boolean;
  shared: boolean;
  employeeName: string;
};

/**
 * Who sees a measure's values: the employee says whether it is about their health and, if so,
 * whether to share the values with everyone on the case — and can change it at any time. The
 * caseworker can only make a measure more private. Saved with one button; the page then refreshes
 * (what the others see changes at once).
 */
export function MeasurePrivacyForm(p: Props) {
  const t = useTranslations("followup.progress.privacy");
  const router = useRouter();
  const id = useId();
  const [health, setHealth] = useState(p.health);
  const [shared, setShared] = useState(p.shared);
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed" | "refused">("idle");
  const protectOnly = p.choose === "protect";
  // The caseworker cannot un-mark a health measure: the box stays checked for her.
  const healthLocked = protectOnly && p.health;

  // Never rejects: sendJson answers a failed fetch as { ok: false }, shown as an error here; so the
  // form's handler may `void` it.
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus("saving");
    const res = await sendJson(`/api/cases/${p.caseId}/measure-privacy`, "PUT", {
      subGoalId: p.subGoalId,
      health,
      shared: health && shared,
    });
    if (res.ok) {
      setStatus("saved");
      router.refresh();
      return;
    }
    setStatus(res.status === 403 ? "refused" : "failed");
  };

  const message =
    status === "saved"
      ? t("saved")
      : status === "failed"
        ? t("failed")
        : status === "refused"
          ? t("employeeOnly", { name: p.employeeName })
          : null;
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="mt-3 rounded-lg border border-teal-700 bg-teal-50 p-3"
      aria-labelledby={`${id}-title ${p.headingId}`}
      data-testid={`measure-privacy-${p.subGoalId}`}
    >
      <h4 id={`${id}-title`} className="text-base font-semibold text-slate-900">
        {t("title")}
      </h4>
      <div className="mt-2 flex items-start gap-2">
        <input
          id={`${id}-health`}
          type="checkbox"
          className="mt-1 size-5 accent-teal-700"
          checked={health}
          disabled={healthLocked}
          onChange={(e) => {
            setHealth(e.target.checked);
            setStatus("idle");
          }}
          data-testid="measure-health"
        />
        <label htmlFor={`${id}-health`} className="text-slate-900">
          {protectOnly ? t("healthCaseworker", { name: p.employeeName }) : t("healthEmployee")}
        </label>
      </div>
      {!protectOnly && health ? (
        <div className="mt-2 flex items-start gap-2">
          <input
            id={`${id}-shared`}
            type="checkbox"
            className="mt-1 size-5 accent-teal-700"
            checked={shared}
            onChange={(e) => {
              setShared(e.target.checked);
              setStatus("idle");
            }}
            data-testid="measure-shared"
          />
          <label htmlFor={`${id}-shared`} className="text-slate-900">
            {t("shared")}
          </label>
        </div>
      ) : null}
      {protectOnly ? <p className={hintClass}>{t("caseworkerHint", { name: p.employeeName })}</p> : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={status === "saving" || healthLocked} data-testid="measure-privacy-save">
          {status === "saving" ? t("saving") : t("save")}
        </button>
        <p
          role="status"
          className={status === "failed" || status === "refused" ? errorClass : "text-sm text-slate-800"}
          data-testid="measure-privacy-status"
        >
          {message}
        </p>
      </div>
    </form>
  );
}
