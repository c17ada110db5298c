import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { cardClass, linkClass } from "@/app/_components/ui/classes";
import { AgreedNavPlanPart } from "./agreed-nav-plan";
import type { Fmt } from "./fmt";

/**
 * "What was agreed last time", right under where things stand: the binding version's sub-goals
 * with their measures (and how each is going), the activities that support them, the law's tools
 * and how progress is followed up between meetings — and, when that version came from a
 * follow-up meeting, what that meeting found about the version before; on a Norwegian case, NAV's
 * follow-up plan as signed (agreed-nav-plan.tsx). The whole text stays one
 * click away; this is the part people need to pick the case up.
 */
export async function AgreedSection({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const binding = data.binding;
  if (!binding) return null;
  const t = await getTranslations("followup.agreed");
  const tProgress = await getTranslations("followup.progress");
  const tTools = await getTranslations("tools");
  const tFollowUp = await getTranslations("room.followUp");
  const tOutcome = await getTranslations("followup.outcome");
  const tFrozen = await getTranslations("followup.frozen");
  const { agreed, version } = binding;
  const statusOf = (id: string) => data.measures.find((m) => m.subGoalId === id)?.status.kind ?? null;
  const num = (n: number | null, unit: string) => (n === null ? "–" : `${fmt.value(n)}${unit.trim() ? ` ${unit.trim()}` : ""}`);

  return (
    <section id="agreed" aria-labelledby="agreed-title" className={cardClass} data-testid="agreed-section">
      <h2 id="agreed-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">
        {agreed.meetingStartsAt ? t("intro", { version, date: fmt.when(agreed.meetingStartsAt) }) : t("introNoDate", { version })}{" "}
        <Link href={`/agreements/${binding.id}`} className={linkClass}>
          {t("read", { version })}
        </Link>
      </p>

      <h3 className="mt-4 text-lg font-semibold text-slate-900">{t("subGoals")}</h3>
      {agreed.subGoals.length === 0 ? (
        <p className="text-slate-700">{t("noSubGoals")}</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {agreed.subGoals.map((g) => {
            const status = statusOf(g.id);
            const m = g.measure;
            return (
              <li
                key={g.id}
                className="rounded-lg border border-slate-200 p-3"
                data-testid="agreed-subgoal"
                data-status={status ?? undefined}
              >
                <p className="font-semibold text-slate-900">
                  {g.text.trim() || "…"}
                  {status && status !== "none" ? (
                    <span
                      className={`ml-2 inline-block rounded-full px-2 py-0.5 text-sm font-semibold ${status === "behind" ? "bg-amber-100 text-amber-950" : "bg-green-100 text-green-900"}`}
                    >
                      {tProgress(`status.${status}`)}
                    </span>
                  ) : null}
                </p>
                {m.from !== null || m.target !== null || g.due ? (
                  <p className="text-sm text-slate-800">
                    {m.from !== null || m.target !== null
                      ? t("measure", {
                          label: m.label.trim() || tProgress("valueFallback"),
                          from: num(m.from, m.unit),
                          target: num(m.target, m.unit),
                        })
                      : null}
                    {g.due ? `${m.from !== null || m.target !== null ? ", " : ""}${t("dueBy", { date: fmt.day(g.due) })}` : null}
                  </p>
                ) : null}
                {g.activities.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-700">{t("noActivities")}</p>
                ) : (
                  <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-900" aria-label={t("activities")}>
                    {g.activities.map((a) => (
                      <li key={a.id} data-testid="agreed-activity">
                        {a.text.trim() || "…"}
                        {a.schedule.trim() ? ` – ${a.schedule.trim()}` : ""}
                        {a.who.trim() ? <span className="text-slate-700"> ({t("who", { who: a.who.trim() })})</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {agreed.navPlan ? <AgreedNavPlanPart plan={agreed.navPlan} fmt={fmt} /> : null}

      <dl className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div>
          <dt className="font-semibold text-slate-900">{t("tools")}</dt>
          <dd className="text-slate-800" data-testid="agreed-tools">
            {agreed.tools.length === 0 ? t("noTools") : agreed.tools.map((x) => (tTools.has(x) ? tTools(x) : x)).join(", ")}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">{t("followUp")}</dt>
          <dd className="text-slate-800" data-testid="agreed-follow-up">
            <span className="block">
              <span className="block text-sm text-slate-700">{tFollowUp("howOften")}</span>
              {agreed.followUp.howOften.trim() || t("notAgreed")}
            </span>
            <span className="mt-1 block">
              <span className="block text-sm text-slate-700">{tFollowUp("jobCentre")}</span>
              {agreed.followUp.jobCentre.trim() || t("notAgreed")}
            </span>
          </dd>
        </div>
      </dl>

      {agreed.review && agreed.review.items.length > 0 ? (
        <details className="mt-4" data-testid="agreed-review">
          <summary className="cursor-pointer font-semibold text-slate-900">
            {t("reviewTitle", { version: agreed.review.basis.version })}
          </summary>
          <p className="mt-1 text-sm text-slate-700">{t("reviewIntro")}</p>
          <ul className="mt-1 space-y-1 text-sm text-slate-900">
            {agreed.review.items.map((it) => (
              <li key={`${it.kind}-${it.refId}`}>
                <span className="font-medium">{tFrozen(it.kind === "action" ? "action" : "subGoal", { text: it.text.trim() || "…" })}</span>
                {" – "}
                {it.outcome && tOutcome.has(it.outcome) ? tOutcome(it.outcome) : tOutcome("none")}
                {it.comment.trim() ? <span className="text-slate-700"> · {it.comment.trim()}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
