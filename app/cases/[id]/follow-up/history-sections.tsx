import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { translator } from "@/lib/agreements/labels";
import { describeChanges } from "@/lib/followup/describe-changes";
import type { CaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { isLocale } from "@/lib/i18n/locales";
import { MIXER_MAX } from "@/lib/plan/mixer-desk";
import { buttonClass, cardClass, labelClass, linkClass, selectClass } from "@/app/_components/ui/classes";
import type { Fmt } from "./fmt";
import { ScrollRegion } from "@/app/_components/ui/scroll-region";

function sentences(changes: Parameters<typeof describeChanges>[0], locale: string): string[] {
  return describeChanges(changes, locale, translator(isLocale(locale) ? locale : "da"));
}

/**
 * The mixer desk across the sealed agreements: one row per dimension, one column per version,
 * each value as a number and a small bar, and the last change in words (turned up / down).
 */
export async function MixerHistorySection({ data }: { data: CaseFollowUp }) {
  const t = await getTranslations("followup.mixer");
  const tMixer = await getTranslations("mixer");
  const { versions, rows } = data.mixer;
  return (
    <section id="mixer" aria-labelledby="mixer-history-title" className={cardClass} data-testid="mixer-history">
      <h2 id="mixer-history-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("intro", { low: tMixer("low"), high: tMixer("high") })}</p>
      {versions.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("none")}</p>
      ) : (
        <ScrollRegion className="mt-3" label={t("tableLabel")}>
          <table className="w-full min-w-[28rem] border-collapse text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3">
                  {t("dimension")}
                </th>
                {versions.map((v) => (
                  <th scope="col" key={v.version} className="py-1 pr-3">
                    {t("version", { version: v.version })}
                  </th>
                ))}
                <th scope="col" className="py-1">
                  {t("lastChange")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.dimension} className="border-b border-slate-100" data-testid={`mixer-row-${r.dimension}`}>
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {tMixer(r.dimension)}
                  </th>
                  {r.values.map((v, i) => (
                    <td key={i} className="py-2 pr-3">
                      {v === null ? (
                        <span className="text-slate-600">{t("notSet")}</span>
                      ) : (
                        <span className="flex items-center gap-2">
                          <span className="w-4 text-right font-semibold">{v}</span>
                          <span aria-hidden="true" className="inline-block h-2 w-16 rounded bg-slate-200">
                            <span className="block h-2 rounded bg-blue-700" style={{ width: `${(v / MIXER_MAX) * 100}%` }} />
                          </span>
                          <span className="sr-only">{tMixer(`level.${v}`)}</span>
                        </span>
                      )}
                    </td>
                  ))}
                  <td className="py-2">{t(`trend.${r.trend}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

/**
 * How the case got here: meetings and agreement versions in time order, each version with what
 * changed against the one before, in plain words; and a comparison of any two versions.
 */
export async function TimelineSection({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const t = await getTranslations("followup.timeline");
  const tState = await getTranslations("agreement.versionState");
  type Entry = { at: Date; key: string; node: React.ReactNode };
  const entries: Entry[] = [
    ...data.meetings.map((m) => ({
      at: m.startsAt,
      key: `m-${m.id}`,
      node: (
        <div data-testid="timeline-meeting">
          <p className="font-semibold text-slate-900">
            {t(m.upcoming ? "meetingUpcoming" : "meetingHeld", { title: m.title })}
            {m.status === "cancelled" ? ` (${t("cancelled")})` : ""}
          </p>
          <p className="text-sm text-slate-700">
            {fmt.when(m.startsAt)}
            {m.location ? ` · ${m.location}` : ""}
          </p>
          <Link href={`/meetings/${m.id}`} className={`text-sm ${linkClass}`}>
            {t("openRoom")}
          </Link>
        </div>
      ),
    })),
    ...data.versions.map((v) => {
      const lines = sentences(v.changes, fmt.locale);
      return {
        at: v.sealedAt ?? v.preparedAt,
        key: `v-${v.id}`,
        node: (
          <div data-testid="timeline-version" data-version={v.version} data-state={v.state}>
            <p className="font-semibold text-slate-900">
              <Link href={`/agreements/${v.id}`} className={linkClass}>
                {t("version", { version: v.version })}
              </Link>{" "}
              <span className={v.state === "binding" ? "text-green-900" : "text-slate-700"}>· {tState(v.state)}</span>
            </p>
            <p className="text-sm text-slate-700">
              {v.sealedAt ? t("sealed", { date: fmt.when(v.sealedAt) }) : t("prepared", { date: fmt.when(v.preparedAt) })}
            </p>
            {v.reason ? <p className="text-sm text-slate-800">{t("reason", { reason: v.reason })}</p> : null}
            {v.version > 1 ? (
              <details className="mt-1" open={v.state === "binding" || v.state === "awaiting_signatures"}>
                <summary className="cursor-pointer text-sm font-medium text-slate-900">
                  {t("changes", { count: lines.length, version: v.version - 1 })}
                </summary>
                <ChangeList lines={lines} empty={t("noChanges")} testId={`changes-v${v.version}`} />
              </details>
            ) : null}
          </div>
        ),
      };
    }),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return (
    <section id="timeline" aria-labelledby="timeline-title" className={cardClass} data-testid="timeline">
      <h2 id="timeline-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("intro")}</p>
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="mt-4 space-y-3 border-l-2 border-slate-300 pl-4">
          {entries.map((e) => (
            <li key={e.key} className="relative">
              <span aria-hidden="true" className="absolute top-1.5 -left-[1.4rem] size-3 rounded-full border-2 border-white bg-slate-500" />
              {e.node}
            </li>
          ))}
        </ol>
      )}
      {data.versions.length > 1 ? <CompareForm data={data} fmt={fmt} /> : null}
    </section>
  );
}

function ChangeList({ lines, empty, testId }: { lines: string[]; empty: string; testId: string }) {
  if (lines.length === 0) return <p className="mt-1 text-sm text-slate-700">{empty}</p>;
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-900" data-testid={testId}>
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

function VersionSelect(props: {
  name: "from" | "to";
  label: string;
  numbers: number[];
  value: number;
  optionLabel: (n: number) => string;
}) {
  const id = `compare-${props.name}`;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {props.label}
      </label>
      <select id={id} name={props.name} defaultValue={props.value} className={`mt-1 ${selectClass}`}>
        {props.numbers.map((n) => (
          <option key={n} value={n}>
            {props.optionLabel(n)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Any two versions side by side: a plain GET form, so it works without JavaScript. */
async function CompareForm({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const t = await getTranslations("followup.timeline");
  const numbers = data.versions.map((v) => v.version);
  const from = data.comparison?.from ?? numbers[0]!;
  const to = data.comparison?.to ?? numbers.at(-1)!;
  return (
    <div className="mt-6 border-t border-slate-200 pt-4" id="compare">
      <h3 className="text-lg font-semibold text-slate-900">{t("compareTitle")}</h3>
      <form method="get" action="#compare" className="mt-2 flex flex-wrap items-end gap-3" data-testid="compare-form">
        <VersionSelect
          name="from"
          label={t("compareFrom")}
          numbers={numbers}
          value={from}
          optionLabel={(n) => t("version", { version: n })}
        />
        <VersionSelect name="to" label={t("compareTo")} numbers={numbers} value={to} optionLabel={(n) => t("version", { version: n })} />
        <button type="submit" className={buttonClass} data-testid="compare-submit">
          {t("compareSubmit")}
        </button>
      </form>
      {data.comparison ? (
        <div className="mt-3" aria-live="polite">
          <p className="font-medium text-slate-900">{t("comparing", { from: data.comparison.from, to: data.comparison.to })}</p>
          <ChangeList lines={sentences(data.comparison.changes, fmt.locale)} empty={t("noChanges")} testId="comparison" />
        </div>
      ) : null}
    </div>
  );
}
