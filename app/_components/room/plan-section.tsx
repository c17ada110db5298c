"use client";

import { memo } from "react";
import { useTranslations } from "next-intl";
import type { PlanView } from "@/lib/collab";
import type { Country } from "@/lib/organisation/country";
import { GoalField } from "./goal-field";
import { MixerDeskField } from "./mixer-desk-field";
import { StaircaseField } from "./staircase-field";
import { SubGoalsField } from "./sub-goals-field";
import { ToolsField } from "./tools-field";
import { HoursRampField } from "./hours-ramp-field";
import { Section } from "@/app/_components/ui/section";

/** The plan: goal, the staircase step, sub-goals with activities, the mixer desk, the law's tools with their details, the hours ramp. */
export const PlanSection = memo(function PlanSection({ plan, country }: { plan: PlanView; country: Country }) {
  const t = useTranslations("room.plan");
  return (
    <Section id="plan" title={t("title")} testId="plan-section" intro={<p>{t("intro")}</p>}>
      <div className="space-y-8">
        <GoalField targetDate={plan.goalTargetDate} />
        <StaircaseField track={plan.track} step={plan.step} />
        <div>
          <h3 className="text-lg font-semibold text-slate-900">{t("subGoals")}</h3>
          <SubGoalsField subGoals={plan.subGoals} country={country} />
        </div>
        <div>
          <h3 className="text-lg font-semibold text-slate-900">{t("mixer")}</h3>
          <MixerDeskField mixer={plan.mixer} />
        </div>
        <ToolsField tools={plan.tools} details={plan.toolDetails} country={country} />
        <HoursRampField ramp={plan.hoursRamp} />
      </div>
    </Section>
  );
});
