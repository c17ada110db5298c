"use client";

import { useTranslations } from "next-intl";
import { NOT_CONTRIBUTED_REASON_MAX, setNavPlanFacts } from "@/lib/collab/follow-up-plan";
import type { FollowUpPlan } from "@/lib/plan/follow-up-plan";
import { REHAB_MAX_WEEKS, referralReadiness } from "@/lib/plan/rehab-referral";
import { alertClass, noticeClass } from "@/app/_components/ui/classes";
import { DateField } from "./date-field";
import { PlainTextInput } from "./plain-text-input";
import { PlanItemSelect } from "./plan-item-select";
import { useRoom } from "./room-context";

/** The follow-up plan's facts: when it is evaluated, whether the employee took part (and why not), whom it is shared with. */
export function NavPlanFacts({ plan }: { plan: FollowUpPlan }) {
  const t = useTranslations("navPlan");
  const { conn, editable } = useRoom();
  const doc = conn.doc;
  const f = plan.facts;
  const contributed = f.employeeContributed === null ? "" : f.employeeContributed ? "yes" : "no";
  return (
    <fieldset className="rounded-lg border border-slate-300 p-3" data-testid="nav-plan-facts">
      <legend className="px-1 text-lg font-semibold text-slate-900">{t("facts")}</legend>
      <div className="space-y-3">
        <DateField
          id="nav-plan-evaluation"
          field="navPlan.evaluationDate"
          label={t("evaluationDate")}
          value={f.evaluationDate}
          readOnly={!editable}
          onCommit={(v) => setNavPlanFacts(doc, { evaluationDate: v })}
          testId="nav-plan-evaluation"
        />
        <PlanItemSelect
          id="nav-plan-contributed"
          field="navPlan.employeeContributed"
          label={t("employeeContributed")}
          className="max-w-xs"
          value={contributed}
          options={["yes", "no"]}
          labelOf={(v) => t(v === "yes" ? "contributedYes" : "contributedNo")}
          noneLabel={t("contributedUnanswered")}
          onChange={(v) => setNavPlanFacts(doc, { employeeContributed: v === "" ? null : v === "yes" })}
          testId="nav-plan-contributed"
        />
        {f.employeeContributed === false ? (
          <PlainTextInput
            id="nav-plan-not-contributed"
            field="navPlan.notContributedReason"
            label={t("notContributedReason")}
            value={f.notContributedReason}
            maxLength={NOT_CONTRIBUTED_REASON_MAX}
            readOnly={!editable}
            onCommit={(v) => setNavPlanFacts(doc, { notContributedReason: v })}
            testId="nav-plan-not-contributed"
          />
        ) : null}
        {(["shareWithNav", "shareWithDoctor"] as const).map((k) => (
          <label key={k} className="flex items-center gap-2 text-slate-900">
            <input
              type="checkbox"
              className="size-5 accent-blue-700"
              checked={f[k]}
              disabled={!editable}
              onChange={(e) => setNavPlanFacts(doc, { [k]: e.target.checked })}
              data-testid={`nav-plan-${k}`}
            />
            {t(k)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Whether NAV has the documentation it needs before occupational rehabilitation (seed 003). */
export function ReferralReadiness({ plan }: { plan: FollowUpPlan }) {
  const t = useTranslations("navPlan.referral");
  const readiness = referralReadiness(plan);
  return (
    <div data-testid="rehab-referral" data-complete={readiness.complete}>
      <h3 className="text-lg font-semibold text-slate-900">{t("title")}</h3>
      <p className="text-sm text-slate-700">{t("intro", { weeks: REHAB_MAX_WEEKS })}</p>
      {readiness.complete ? (
        <p className={`${noticeClass} mt-2`} role="status">
          {t("complete")}
        </p>
      ) : (
        <div className={`${alertClass} mt-2`} role="status">
          <p>{t("incomplete")}</p>
          <ul className="mt-1 list-disc pl-6">
            {readiness.gaps.map((g) => (
              <li key={g} data-testid={`rehab-gap-${g}`}>
                {t(`missing.${g}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
