"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useFlow, useMeetingView } from "./flow-context";
import { useNames } from "./use-names";
import { wallClockDate } from "./closing-check";
import { useScreenText } from "./screen-text";
import { useNewest, WALL_MEDIA } from "./use-newest";

/**
 * The plan as it grows, read-only and condensed for the wall: goal, step, sub-goals with
 * activities, actions, next meeting. The last few additions and changes are highlighted (with
 * the word "new", not colour alone) and scrolled into view inside the panel.
 */
export function PresentPlan({ className }: { className?: string }) {
  const t = useTranslations("meeting.present.plan");
  const tp = useTranslations("meeting.present");
  const ts = useTranslations("staircase");
  const format = useFormatter();
  const view = useMeetingView();
  const { participants } = useFlow();
  const { name } = useNames();
  const shown = useScreenText();
  const { plan, actions, followUp } = view;
  const date = (d: string) => format.dateTime(wallClockDate(`${d}T00:00`), { dateStyle: "medium", timeZone: "UTC" });
  const newest = useNewest([
    ["goal", `${plan.goal}|${plan.goalTargetDate ?? ""}`],
    ["step", String(plan.step)],
    ...plan.subGoals.flatMap((g) => [
      [g.id, `${g.text}|${g.due ?? ""}`] as const,
      ...g.activities.map((a) => [a.id, `${a.text}|${a.schedule}`] as const),
    ]),
    ...actions.map((a) => [a.id, `${a.text}|${a.ownerId ?? ""}|${a.due ?? ""}`] as const),
    ["next", followUp.nextMeetingAt ?? ""],
  ]);
  const panel = useRef<HTMLElement>(null);
  const newestKey = [...newest].join(",");
  useEffect(() => {
    if (window.matchMedia(WALL_MEDIA).matches) panel.current?.querySelector('[data-new="true"]')?.scrollIntoView({ block: "nearest" });
  }, [newestKey]);
  return (
    <section
      ref={panel}
      aria-labelledby="present-plan"
      tabIndex={0}
      className={`${className ?? "rounded-xl border-2 border-slate-900 bg-white p-4"} text-lg`}
      data-testid="present-plan"
    >
      <h2 id="present-plan" className="text-xl font-bold 2xl:text-2xl">
        {t("title")}
      </h2>
      <dl className="mt-1 space-y-1 [overflow-wrap:anywhere]">
        <div>
          <dt className={term}>{t("goal")}</dt>{" "}
          <dd className="inline" data-testid="present-goal">
            <Mark newest={newest} label={tp("newMark")} id="goal">
              {shown(plan.goal.trim()) || t("notYet")}
              {plan.goalTargetDate ? (
                <span className="text-base text-slate-800"> · {t("by", { date: date(plan.goalTargetDate) })}</span>
              ) : null}
            </Mark>
          </dd>
        </div>
        <div>
          <dt className={term}>{t("step")}</dt>{" "}
          <dd className="inline">
            <Mark newest={newest} label={tp("newMark")} id="step">
              {plan.step !== null ? t("stepValue", { step: plan.step, meaning: ts(`${plan.track}.${plan.step}`) }) : t("notYet")}
            </Mark>
          </dd>
        </div>
        <div>
          <dt className={term}>{t("nextMeeting")}</dt>{" "}
          <dd className="inline">
            <Mark newest={newest} label={tp("newMark")} id="next">
              {followUp.nextMeetingAt
                ? format.dateTime(wallClockDate(followUp.nextMeetingAt), { dateStyle: "full", timeStyle: "short", timeZone: "UTC" })
                : t("notYet")}
            </Mark>
          </dd>
        </div>
      </dl>
      <h3 className="mt-2 font-semibold">{t("subGoals")}</h3>
      {plan.subGoals.length === 0 ? <p>{t("notYet")}</p> : null}
      <ol className="ml-6 list-decimal space-y-1 [overflow-wrap:anywhere]">
        {plan.subGoals.map((g) => (
          <li key={g.id}>
            <Mark newest={newest} label={tp("newMark")} id={g.id}>
              {shown(g.text.trim()) || t("untitled")}
              {g.due ? <span className="text-base text-slate-800"> · {t("by", { date: date(g.due) })}</span> : null}
            </Mark>
            {g.activities.length > 0 ? (
              <ul className="ml-5 list-disc text-base">
                {g.activities.map((a) => (
                  <li key={a.id}>
                    <Mark newest={newest} label={tp("newMark")} id={a.id}>
                      {shown(a.text.trim()) || t("untitled")}
                      {a.schedule.trim() ? ` (${shown(a.schedule.trim())})` : ""}
                    </Mark>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <h3 className="mt-2 font-semibold">{t("actions")}</h3>
      {actions.length === 0 ? <p>{t("notYet")}</p> : null}
      <ol className="ml-6 list-decimal space-y-1 [overflow-wrap:anywhere]" data-testid="present-actions">
        {actions.map((a) => (
          <li key={a.id}>
            <Mark newest={newest} label={tp("newMark")} id={a.id}>
              {shown(a.text.trim()) || t("untitled")}
              <span className="text-base text-slate-800">
                {a.ownerId && participants.some((p) => p.id === a.ownerId) ? ` · ${name(a.ownerId)}` : ""}
                {a.due ? ` · ${t("by", { date: date(a.due) })}` : ""}
              </span>
            </Mark>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A term on its own line's start, then its value: "Goal: …" in one line where it fits. */
const term = "inline font-semibold after:content-[':']";

function Mark({ id, newest, label, children }: { id: string; newest: ReadonlySet<string>; label: string; children: ReactNode }) {
  if (!newest.has(id)) return <>{children}</>;
  return (
    <span data-new="true" className="rounded bg-amber-100 px-1 outline-2 outline-amber-700">
      {children} <span className="rounded bg-amber-800 px-1.5 text-sm font-semibold text-white">{label}</span>
    </span>
  );
}
