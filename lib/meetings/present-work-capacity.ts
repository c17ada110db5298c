import type { PresentedSection } from "../agreements/frozen-document";
import { formatIsoDate, translator } from "../agreements/labels";
import { activityRow } from "../agreements/present-agreement";
import { presentFollowUpPlan, presentHoursRamp, toolDetailValue } from "../agreements/present-country-plan";
import type { Locale } from "../i18n/locales";
import { EMPTY_NAV_FACTS } from "../plan/follow-up-plan";
import type { WorkCapacity } from "./work-capacity";

/**
 * The treating doctor's part of a plan in words, with the labels the room and the agreement use
 * (so the doctor reads what the others agreed, in the same terms). Sections without content are
 * left out, except the goal and the sub-goals, which say "not set" / "no sub-goals".
 */
export function presentWorkCapacity(wc: WorkCapacity, locale: Locale): PresentedSection[] {
  const t = translator(locale);
  const notSet = t("agreementDoc.notSet");
  const section = (heading: string, parts: Partial<Omit<PresentedSection, "heading">>): PresentedSection => ({
    heading,
    intro: parts.intro ?? null,
    rows: parts.rows ?? [],
    groups: parts.groups ?? [],
    empty: parts.empty ?? null,
  });
  const out: PresentedSection[] = [
    section(t("room.plan.goal"), {
      rows: [
        { label: t("room.plan.goal"), value: wc.goal.trim() || notSet },
        { label: t("room.plan.goalTargetDate"), value: wc.goalTargetDate ? formatIsoDate(wc.goalTargetDate, locale) : notSet },
        wc.step === null
          ? { label: t("room.plan.step"), value: t("room.plan.stepNone") }
          : { label: t("room.plan.stepLabel", { step: wc.step }), value: t(`staircase.${wc.track}.${wc.step}`) },
      ],
    }),
    section(t("room.plan.subGoals"), {
      groups: wc.subGoals.map((g, i) => ({
        title: `${t("room.plan.subGoalN", { n: i + 1 })}: ${g.text.trim() || notSet}`,
        rows: [
          { label: t("room.plan.subGoalDue"), value: g.due ? formatIsoDate(g.due, locale) : notSet },
          ...g.activities.map((a, j) => activityRow(t, a, j, locale, notSet)),
        ],
      })),
      empty: t("room.plan.subGoalsEmpty"),
    }),
  ];
  if (wc.partialReturn)
    out.push(
      section(t("tools.partialReturn"), {
        rows: [
          { label: t("tools.partialReturn"), value: toolDetailValue("partialReturn", wc.partialReturn.detail ?? undefined, t, locale) },
        ],
      }),
    );
  if (wc.hoursRamp) out.push(presentHoursRamp(wc.hoursRamp, t, locale));
  if (wc.workTasks.length > 0)
    out.push(presentFollowUpPlan({ workTasks: wc.workTasks, measures: [], tried: [], facts: EMPTY_NAV_FACTS }, t, locale)[0]!);
  return out;
}
