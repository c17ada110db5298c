"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useFlow, useMeetingView } from "./flow-context";
import { useNames } from "./use-names";
import { wallClockDate } from "./closing-check";
import { useScreenText } from "./screen-text";

/** The plan as it grows, read-only and large: goal, step, sub-goals with activities, actions, next meeting. */
export function PresentPlan() {
  const t = useTranslations("meeting.present.plan");
  const ts = useTranslations("staircase");
  const format = useFormatter();
  const view = useMeetingView();
  const { participants } = useFlow();
  const { name } = useNames();
  const shown = useScreenText();
  const { plan, actions, followUp } = view;
  const date = (d: string) => format.dateTime(wallClockDate(`${d}T00:00`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <section aria-labelledby="present-plan" className="rounded-xl border-2 border-slate-900 bg-white p-5 text-xl" data-testid="present-plan">
      <h2 id="present-plan" className="text-3xl font-bold">
        {t("title")}
      </h2>
      <h3 className="mt-3 font-semibold">{t("goal")}</h3>
      <p data-testid="present-goal">{shown(plan.goal.trim()) || t("notYet")}</p>
      {plan.goalTargetDate ? <p className="text-lg text-slate-800">{t("by", { date: date(plan.goalTargetDate) })}</p> : null}
      <h3 className="mt-3 font-semibold">{t("step")}</h3>
      <p>{plan.step !== null ? t("stepValue", { step: plan.step, meaning: ts(`${plan.track}.${plan.step}`) }) : t("notYet")}</p>
      <h3 className="mt-3 font-semibold">{t("subGoals")}</h3>
      {plan.subGoals.length === 0 ? <p>{t("notYet")}</p> : null}
      <ol className="ml-6 list-decimal space-y-2">
        {plan.subGoals.map((g) => (
          <li key={g.id}>
            <span>{shown(g.text.trim()) || t("untitled")}</span>
            {g.due ? <span className="text-lg text-slate-800"> · {t("by", { date: date(g.due) })}</span> : null}
            {g.activities.length > 0 ? (
              <ul className="ml-5 list-disc text-lg">
                {g.activities.map((a) => (
                  <li key={a.id}>
                    {shown(a.text.trim()) || t("untitled")}
                    {a.schedule.trim() ? ` (${shown(a.schedule.trim())})` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <h3 className="mt-3 font-semibold">{t("actions")}</h3>
      {actions.length === 0 ? <p>{t("notYet")}</p> : null}
      <ol className="ml-6 list-decimal space-y-1" data-testid="present-actions">
        {actions.map((a) => (
          <li key={a.id}>
            {shown(a.text.trim()) || t("untitled")}
            <span className="text-lg text-slate-800">
              {a.ownerId && participants.some((p) => p.id === a.ownerId) ? ` · ${name(a.ownerId)}` : ""}
              {a.due ? ` · ${t("by", { date: date(a.due) })}` : ""}
            </span>
          </li>
        ))}
      </ol>
      <h3 className="mt-3 font-semibold">{t("nextMeeting")}</h3>
      <p>
        {followUp.nextMeetingAt
          ? format.dateTime(wallClockDate(followUp.nextMeetingAt), { dateStyle: "full", timeStyle: "short", timeZone: "UTC" })
          : t("notYet")}
      </p>
    </section>
  );
}
