import { getTranslations } from "next-intl/server";
import { Section } from "@/app/_components/ui/section";
import type { CaseLawDeadlines } from "@/lib/deadlines/case-law-deadlines";
import type { DeadlineStatus } from "@/lib/deadlines/law-deadlines";
import type { Fmt } from "./follow-up/fmt";

/** How each status looks: missed stands out, met is calm, the rest plain. */
const TONE: Record<DeadlineStatus, string> = {
  missed: "bg-red-100 text-red-900",
  late: "bg-amber-100 text-amber-900",
  met: "bg-green-100 text-green-900",
  upcoming: "bg-slate-100 text-slate-800",
  open: "bg-slate-100 text-slate-800",
  closed: "bg-slate-100 text-slate-700",
  onRequest: "bg-slate-100 text-slate-800",
};

/**
 * "The law's deadlines" on the caseworker's case page: each rule of the case's country with its
 * date, whether it was met, is coming or was missed, and its source (docs/law-deadlines.md).
 */
export async function DeadlinesSection({ data, fmt }: { data: CaseLawDeadlines; fmt: Fmt }) {
  const t = await getTranslations("deadlines");
  const start = data.sickLeaveStart;
  return (
    <Section
      id="deadlines"
      title={t("title")}
      testId="deadlines-section"
      intro={start ? t("intro", { start: fmt.day(start) }) : t("noStart")}
    >
      {data.deadlines.length > 0 ? (
        <ul className="space-y-2" data-country={data.country}>
          {data.deadlines.map((d) => (
            <li
              key={`${d.rule}-${d.due ?? ""}`}
              className="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-slate-200 p-3"
              data-testid="deadline"
              data-rule={d.rule}
              data-status={d.status}
            >
              <div>
                <p className="font-medium text-slate-900">{t(`rules.${d.rule}`)}</p>
                <p className="text-sm text-slate-700">
                  {d.due ? t("due", { date: fmt.day(d.due) }) : t("onRequest")}
                  {d.doneOn ? ` · ${t("doneOn", { date: fmt.day(d.doneOn) })}` : ""}
                </p>
                <p className="text-xs text-slate-600">{d.source}</p>
              </div>
              <span className={`rounded px-2 py-0.5 text-sm font-medium ${TONE[d.status]}`}>{t(`status.${d.status}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
