"use client";

import { memo } from "react";
import { useTranslations } from "next-intl";
import { addNavMeasure, addTriedMeasure, addWorkTask } from "@/lib/collab/follow-up-plan";
import type { FollowUpPlan } from "@/lib/plan/follow-up-plan";
import { Section } from "@/app/_components/ui/section";
import { MeasureCard, TriedCard, WorkTaskCard } from "./nav-plan-cards";
import { NavPlanFacts, ReferralReadiness } from "./nav-plan-facts";
import { PlanItemList } from "./plan-item-list";
import { useRoom } from "./room-context";

/**
 * NAV's follow-up plan (oppfølgingsplan), on a Norwegian case: the employee's work tasks judged
 * one of three ways and by whom, the measures with status, period and how, the measures the
 * employer tried or evaluated and why they could not be carried out, the plan's facts, and
 * whether the documentation NAV needs before occupational rehabilitation is complete.
 */
export const FollowUpPlanSection = memo(function FollowUpPlanSection({ plan }: { plan: FollowUpPlan }) {
  const t = useTranslations("navPlan");
  const doc = useRoom().conn.doc;
  return (
    <Section id="follow-up-plan" title={t("title")} testId="nav-plan-section" intro={<p>{t("intro")}</p>}>
      <div className="space-y-8">
        <PlanItemList
          heading={t("workTasks")}
          intro={t("workTasksIntro")}
          empty={t("workTasksEmpty")}
          items={plan.workTasks}
          renderItem={(task, i) => <WorkTaskCard key={task.id} task={task} index={i} />}
          addLabel={t("addWorkTask")}
          addTestId="work-task-add"
          add={() => addWorkTask(doc, { text: "" })}
          focusId={(id) => `work-task-${id}-text`}
        />
        <PlanItemList
          heading={t("measures")}
          intro={t("measuresIntro")}
          empty={t("measuresEmpty")}
          items={plan.measures}
          renderItem={(m, i) => <MeasureCard key={m.id} measure={m} index={i} />}
          addLabel={t("addMeasure")}
          addTestId="nav-measure-add"
          add={() => addNavMeasure(doc, { text: "" })}
          focusId={(id) => `nav-measure-${id}-text`}
        />
        <PlanItemList
          heading={t("tried")}
          intro={t("triedIntro")}
          empty={t("triedEmpty")}
          items={plan.tried}
          renderItem={(m, i) => <TriedCard key={m.id} measure={m} index={i} />}
          addLabel={t("addTried")}
          addTestId="tried-add"
          add={() => addTriedMeasure(doc, { text: "" })}
          focusId={(id) => `tried-${id}-text`}
        />
        <NavPlanFacts plan={plan} />
        <ReferralReadiness plan={plan} />
      </div>
    </Section>
  );
});
