import { getTranslations } from "next-intl/server";
import type { CaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { expectedOn, segmentOn } from "@/lib/progress/measure-series";
import { cardClass } from "@/app/_components/ui/classes";
import { ChartLegend, MeasureChart } from "./measure-chart";
import { MeasurePrivacyForm } from "./measure-privacy-form";
import { ProgressForm } from "./progress-form";
import { RemoveEntryButton } from "./remove-entry-button";
import type { Fmt } from "./fmt";
import { ScrollRegion } from "@/app/_components/ui/scroll-region";

type Measure = CaseFollowUp["measures"][number];

/**
 * Progress between meetings, one card per sub-goal's measure: the form to record a value (for the
 * employee and the manager), the status in words, the chart against the plan and the target, and
 * the same numbers as a table. An hours measure also shows the ramp week by week.
 */
export async function ProgressSection({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const t = await getTranslations("followup.progress");
  return (
    <section id="progress" aria-labelledby="progress-title" className={cardClass} data-testid="progress-section">
      <h2 id="progress-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{data.may.recordProgress ? t("introRecord") : t("introFollow")}</p>
      {data.measures.length === 0 ? (
        <p className="mt-3 text-slate-700" data-testid="progress-none">
          {data.binding ? t("noMeasures") : t("noAgreement")}
        </p>
      ) : (
        <div className="mt-4 space-y-6">
          {data.measures.map((m) => (
            <MeasureCard key={m.subGoalId} m={m} data={data} fmt={fmt} />
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * A health measure whose values this reader may not see: its name and why, nothing else — no
 * status, no chart, no table (even "behind the plan" would say something about someone's health).
 */
async function HiddenMeasureCard({ m, data }: { m: Measure; data: CaseFollowUp }) {
  const t = await getTranslations("followup.progress");
  const headingId = `measure-${m.subGoalId}`;
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 p-3 sm:p-4"
      data-testid="measure"
      data-sub-goal={m.subGoalId}
      data-private="true"
    >
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {m.subGoalText || t("valueFallback")}
      </h3>
      <p className="mt-1 text-slate-800" data-testid="measure-hidden">
        {t("privacy.hidden", { name: data.case.employeeName })}
      </p>
    </article>
  );
}

async function MeasureCard({ m, data, fmt }: { m: Measure; data: CaseFollowUp; fmt: Fmt }) {
  if (!m.access.mayView) return <HiddenMeasureCard m={m} data={data} />;
  const t = await getTranslations("followup.progress");
  const tRoles = await getTranslations("roles");
  const unit = m.unit.trim();
  const withUnit = (n: number | null) => (n === null ? "–" : `${fmt.value(n)}${unit ? ` ${unit}` : ""}`);
  const headingId = `measure-${m.subGoalId}`;
  const latest = m.status.latest;
  const statusText = t(`status.${m.status.kind}`);
  const summary = [
    t("agreed", {
      label: m.label || t("valueFallback"),
      from: withUnit(m.from),
      target: withUnit(m.target),
      due: m.due ? fmt.day(m.due) : t("noDate"),
    }),
    latest ? t("latest", { value: withUnit(latest.value), date: fmt.day(latest.date) }) : t("noEntries"),
    latest && m.status.expected !== null ? t("expected", { value: withUnit(m.status.expected) }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  const plannedOn = (date: string) => {
    const seg = segmentOn(m.planned, date);
    return seg ? expectedOn(seg, date) : null;
  };

  return (
    <article
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 p-3 sm:p-4"
      data-testid="measure"
      data-sub-goal={m.subGoalId}
      data-status={m.status.kind}
    >
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {m.subGoalText || t("valueFallback")}
      </h3>
      <p className="mt-1 text-slate-800">
        <span
          className={`mr-2 inline-block rounded-full px-2 py-0.5 text-sm font-semibold ${m.status.kind === "behind" ? "bg-amber-100 text-amber-950" : m.status.kind === "none" ? "bg-slate-100 text-slate-800" : "bg-green-100 text-green-900"}`}
          data-testid="measure-status"
        >
          {statusText}
        </span>
        <span data-testid="measure-summary">{summary}</span>
      </p>
      {m.access.health ? (
        <p
          className="mt-1 text-sm font-medium text-teal-900"
          data-testid="measure-health-badge"
          data-shared={m.access.shared ? "true" : "false"}
        >
          {t(m.access.shared ? "privacy.badgeShared" : "privacy.badgePrivate", { name: data.case.employeeName })}
        </p>
      ) : null}
      {m.access.choose ? (
        <MeasurePrivacyForm
          caseId={data.case.id}
          headingId={headingId}
          subGoalId={m.subGoalId}
          choose={m.access.choose}
          health={m.access.health}
          shared={m.access.shared}
          employeeName={data.case.employeeName}
        />
      ) : null}
      {m.access.mayRecord && m.range ? (
        <div className="mt-3">
          <ProgressForm
            caseId={data.case.id}
            headingId={headingId}
            subGoalId={m.subGoalId}
            label={m.label}
            unit={unit}
            min={m.range.min}
            max={m.range.max}
            minText={fmt.value(m.range.min)}
            maxText={fmt.value(m.range.max)}
            today={data.today}
            guarded={!m.access.health || m.access.shared}
          />
        </div>
      ) : null}
      {m.entries.length > 0 || m.planned.length > 0 ? (
        // The chart's words are 12 px at its full width: narrower, it would shrink them, so a
        // narrow screen gets the table instead (its container, not the window, decides).
        <div className="@container">
          <p className="mt-4 text-sm text-slate-700 @min-[40rem]:hidden" data-testid="chart-narrow">
            {t("chartNarrow")}
          </p>
          <figure className="mt-4 hidden @min-[40rem]:block">
            <MeasureChart
              series={m}
              today={data.today}
              testId="measure-chart"
              labels={{
                title: t("chartTitle", { label: m.label || m.subGoalText }),
                description: summary,
                target: t("target"),
                today: t("today"),
                versionShort: (v) => t("versionShort", { version: v }),
                due: t("due"),
                formatDay: fmt.shortDay,
                formatValue: fmt.value,
              }}
            />
            <figcaption>
              <ChartLegend recorded={t("legendRecorded")} plan={t("legendPlan")} target={t("legendTarget")} dates={t("legendDates")} />
            </figcaption>
          </figure>
        </div>
      ) : null}
      {m.entries.length > 0 ? (
        <details className="mt-3" open={m.entries.length <= 6}>
          <summary className="cursor-pointer font-medium text-slate-900">{t("tableToggle", { count: m.entries.length })}</summary>
          <ScrollRegion className="mt-2" label={t("tableCaption", { label: m.label || m.subGoalText })} testId="measure-table-region">
            <table className="w-full min-w-[28rem] border-collapse text-left text-sm" data-testid="measure-table">
              <caption className="sr-only">{t("tableCaption", { label: m.label || m.subGoalText })}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">
                    {t("colDate")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("colValue")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("colPlanned")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("colBy")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("colNote")}
                  </th>
                  <th scope="col" className="py-1">
                    <span className="sr-only">{t("colActions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...m.entries].reverse().map((e) => {
                  const planned = plannedOn(e.date);
                  return (
                    <tr key={e.id} className="border-b border-slate-100 align-top" data-testid="measure-row">
                      <td className="py-1 pr-3">{fmt.day(e.date)}</td>
                      <td className="py-1 pr-3 font-semibold" data-testid="measure-row-value">
                        {withUnit(e.value)}
                      </td>
                      <td className="py-1 pr-3">{planned === null ? "–" : withUnit(planned)}</td>
                      <td className="py-1 pr-3">{e.by ? `${e.by.name} (${tRoles(e.by.role)})` : "–"}</td>
                      <td className="py-1 pr-3">{e.note ?? ""}</td>
                      <td className="py-1">
                        {e.mine ? (
                          <RemoveEntryButton caseId={data.case.id} entryId={e.id} what={`${fmt.day(e.date)}: ${withUnit(e.value)}`} />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      ) : null}
      {m.ramp && m.ramp.length > 0 ? <RampTable m={m} fmt={fmt} withUnit={withUnit} /> : null}
    </article>
  );
}

async function RampTable({ m, fmt, withUnit }: { m: Measure; fmt: Fmt; withUnit: (n: number | null) => string }) {
  const t = await getTranslations("followup.progress");
  return (
    <div className="mt-4" data-testid="hours-ramp">
      <h4 className="text-base font-semibold text-slate-900">{t("rampTitle")}</h4>
      <p className="text-sm text-slate-700">{t("rampIntro")}</p>
      <ScrollRegion className="mt-2" label={t("rampTitle")}>
        <table className="w-full min-w-[22rem] border-collapse text-left text-sm">
          <caption className="sr-only">{t("rampTitle")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3">
                {t("rampWeek")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("rampPlanned")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("rampRecorded")}
              </th>
              <th scope="col" className="py-1">
                {t("rampDifference")}
              </th>
            </tr>
          </thead>
          <tbody>
            {m.ramp!.map((w) => (
              <tr key={w.weekStart} className="border-b border-slate-100" data-testid="ramp-week">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {t("weekOf", { date: fmt.day(w.weekStart) })}
                </th>
                <td className="py-1 pr-3">{withUnit(w.planned)}</td>
                <td className="py-1 pr-3 font-semibold">{w.recorded === null ? t("notRecorded") : withUnit(w.recorded)}</td>
                <td className="py-1">
                  {w.recorded !== null && w.planned !== null
                    ? `${w.recorded - w.planned >= 0 ? "+" : "−"}${fmt.value(Math.abs(Math.round((w.recorded - w.planned) * 10) / 10))}`
                    : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
