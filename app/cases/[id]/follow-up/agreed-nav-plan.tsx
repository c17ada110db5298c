import { getTranslations } from "next-intl/server";
import type { AgreedNavPlan } from "@/lib/followup/agreed-nav-plan";
import { REHAB_MAX_WEEKS } from "@/lib/plan/rehab-referral";
import type { Fmt } from "./fmt";

/**
 * "What was agreed last time" on a Norwegian case: NAV's follow-up plan as the binding version
 * froze it — each work task with its judgement and who judged it, each measure with its status
 * and period, each measure tried with why it could not be carried out, and whether the
 * documentation for occupational rehabilitation was complete in that version.
 */
export async function AgreedNavPlanPart({ plan, fmt }: { plan: AgreedNavPlan; fmt: Fmt }) {
  const t = await getTranslations("followup.agreed.navPlan");
  const n = await getTranslations("navPlan");
  const period = (from: string | null, to: string | null) =>
    from && to
      ? t("period", { from: fmt.day(from), to: fmt.day(to) })
      : from
        ? t("fromOnly", { from: fmt.day(from) })
        : to
          ? t("toOnly", { to: fmt.day(to) })
          : null;
  const referral = plan.referral;
  return (
    <div className="mt-4" data-testid="agreed-nav-plan">
      <h3 className="text-lg font-semibold text-slate-900">{t("title")}</h3>
      {plan.evaluationDate ? <p className="text-sm text-slate-800">{t("evaluation", { date: fmt.day(plan.evaluationDate) })}</p> : null}

      <h4 className="mt-3 font-semibold text-slate-900">{n("workTasks")}</h4>
      {plan.workTasks.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-1 space-y-1 text-slate-900">
          {plan.workTasks.map((w) => (
            <li key={w.id} data-testid="agreed-work-task" data-judgement={w.judgement ?? ""}>
              <span className="font-medium">{w.text.trim() || "…"}</span>
              {" – "}
              {n(`judgements.${w.judgement ?? "none"}`)}
              {w.judgement === "adapt" && w.adaptations.length > 0
                ? ` (${w.adaptations.map((a) => n(`adaptation.${a}`).toLocaleLowerCase(fmt.locale)).join(", ")})`
                : null}
              {w.judgedBy ? (
                <span className="text-slate-700">
                  , {t("judgedBy", { who: n(`judgedByOptions.${w.judgedBy}`).toLocaleLowerCase(fmt.locale) })}
                </span>
              ) : null}
              {w.judgement === "adapt" && w.adaptationNote.trim() ? (
                <span className="block text-sm text-slate-800">{w.adaptationNote.trim()}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h4 className="mt-3 font-semibold text-slate-900">{n("measures")}</h4>
      {plan.measures.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-1 space-y-1 text-slate-900">
          {plan.measures.map((m) => {
            const when = period(m.from, m.to);
            return (
              <li key={m.id} data-testid="agreed-nav-measure" data-status={m.status}>
                <span className="font-medium">{m.text.trim() || "…"}</span>
                {" – "}
                {n(`statuses.${m.status}`)}
                {when ? <span className="text-slate-700">, {when}</span> : null}
                {m.how.trim() ? <span className="block text-sm text-slate-800">{m.how.trim()}</span> : null}
              </li>
            );
          })}
        </ul>
      )}

      <h4 className="mt-3 font-semibold text-slate-900">{n("tried")}</h4>
      {plan.tried.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-1 space-y-1 text-slate-900">
          {plan.tried.map((m) => (
            <li key={m.id} data-testid="agreed-tried">
              <span className="font-medium">{m.text.trim() || "…"}</span>
              {" – "}
              {n(`kinds.${m.kind}`)}
              <span className="block text-sm text-slate-800">
                {m.whyNot.trim() ? t("whyNot", { why: m.whyNot.trim() }) : t("noWhyNot")}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h4 className="mt-3 font-semibold text-slate-900">{n("referral.title")}</h4>
      <p className="text-sm text-slate-700">{n("referral.intro", { weeks: REHAB_MAX_WEEKS })}</p>
      <div data-testid="agreed-referral" data-complete={referral.complete} className="mt-1 text-slate-900">
        {referral.complete ? (
          <p>{t("referralComplete")}</p>
        ) : (
          <>
            <p>{t("referralIncomplete")}</p>
            <ul className="mt-1 list-disc pl-6">
              {referral.gaps.map((g) => (
                <li key={g}>{n(`referral.missing.${g}`)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
