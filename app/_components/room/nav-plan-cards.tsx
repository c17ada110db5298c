"use client";

import { memo } from "react";
import { useTranslations } from "next-intl";
import {
  setNavMeasurePeriod,
  setNavMeasureStatus,
  setTaskAdaptation,
  setTaskJudgedBy,
  setTaskJudgement,
  setTriedKind,
} from "@/lib/collab/follow-up-plan";
import type { NavMeasure, TriedMeasure, WorkTask } from "@/lib/plan/follow-up-plan";
import {
  MEASURE_STATUSES,
  TASK_ADAPTATIONS,
  TASK_JUDGED_BY,
  TASK_JUDGEMENTS,
  TRIED_KINDS,
  isMeasureStatus,
  isTaskJudgedBy,
  isTaskJudgement,
  isTriedKind,
} from "@/lib/plan/follow-up-plan-terms";
import { ItemConsentMarks } from "../meeting/item-consent-marks";
import { PlanItemCard, PlanItemNote } from "./plan-item-card";
import { useRoom } from "./room-context";

/**
 * The three kinds of item in NAV's follow-up plan, each a configuration of the one PlanItemCard:
 * a work task (judgement, by whom, how adapted), a measure (status, period, how), a measure the
 * employer tried or evaluated (which, and why it could not be carried out).
 */
export const WorkTaskCard = memo(function WorkTaskCard({ task, index }: { task: WorkTask; index: number }) {
  const t = useTranslations("navPlan");
  const { conn } = useRoom();
  const doc = conn.doc;
  const title = t("taskN", { n: index + 1 });
  return (
    <PlanItemCard
      config={{
        list: "workTasks",
        itemId: task.id,
        idPrefix: "work-task",
        fieldPrefix: "workTask",
        testId: "work-task",
        data: { "data-judgement": task.judgement ?? "" },
        title,
        name: task.text.trim() || title,
        titleLimit: "workTaskText",
        titleTestId: "work-task-text",
        columns: "md:grid-cols-[2fr_1fr_1fr]",
        selects: [
          {
            key: "judgement",
            idSuffix: "judgement",
            label: t("judgement"),
            value: task.judgement ?? "",
            options: TASK_JUDGEMENTS,
            labelOf: (v) => t(`judgements.${v}`),
            noneLabel: t("judgements.none"),
            onChange: (v) => setTaskJudgement(doc, task.id, isTaskJudgement(v) ? v : null),
            testId: "work-task-judgement",
          },
          {
            key: "judgedBy",
            idSuffix: "judged-by",
            label: t("judgedBy"),
            value: task.judgedBy ?? "",
            options: TASK_JUDGED_BY,
            labelOf: (v) => t(`judgedByOptions.${v}`),
            noneLabel: t("judgedByOptions.none"),
            onChange: (v) => setTaskJudgedBy(doc, task.id, isTaskJudgedBy(v) ? v : null),
            testId: "work-task-judged-by",
          },
        ],
        extra: task.judgement === "adapt" ? <Adaptations task={task} /> : null,
        footer: <ItemConsentMarks kind="workTask" itemId={task.id} />,
        removeTestId: "work-task-remove",
      }}
    />
  );
});

/** How a task "can be done with adaptation": NAV's three ways, and in words. */
function Adaptations({ task }: { task: WorkTask }) {
  const t = useTranslations("navPlan");
  const { conn, editable } = useRoom();
  return (
    <fieldset className="mt-3 rounded-md border border-slate-300 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">{t("adaptations")}</legend>
      <div className="flex flex-wrap gap-4">
        {TASK_ADAPTATIONS.map((a) => (
          <label key={a} className="flex items-center gap-2 text-slate-900">
            <input
              type="checkbox"
              className="size-5 accent-blue-700"
              checked={task.adaptations.includes(a)}
              disabled={!editable}
              onChange={(e) => setTaskAdaptation(conn.doc, task.id, a, e.target.checked)}
              data-testid={`work-task-adapt-${a}`}
            />
            {t(`adaptation.${a}`)}
          </label>
        ))}
      </div>
      <div className="mt-3">
        <PlanItemNote
          list="workTasks"
          itemId={task.id}
          idPrefix="work-task"
          fieldPrefix="workTask"
          note={{ key: "adaptationNote", idSuffix: "note", label: t("adaptationNote"), limit: "workTaskNote", testId: "work-task-note" }}
        />
      </div>
    </fieldset>
  );
}

export const MeasureCard = memo(function MeasureCard({ measure, index }: { measure: NavMeasure; index: number }) {
  const t = useTranslations("navPlan");
  const { conn } = useRoom();
  const doc = conn.doc;
  const title = t("measureN", { n: index + 1 });
  return (
    <PlanItemCard
      config={{
        list: "navMeasures",
        itemId: measure.id,
        idPrefix: "nav-measure",
        fieldPrefix: "navMeasure",
        testId: "nav-measure",
        title,
        name: measure.text.trim() || title,
        titleLimit: "navMeasureText",
        titleTestId: "nav-measure-text",
        columns: "md:grid-cols-[2fr_1fr]",
        selects: [
          {
            key: "status",
            idSuffix: "status",
            label: t("status"),
            value: measure.status,
            options: MEASURE_STATUSES,
            labelOf: (v) => t(`statuses.${v}`),
            onChange: (v) => isMeasureStatus(v) && setNavMeasureStatus(doc, measure.id, v),
            testId: "nav-measure-status",
          },
        ],
        dates: [
          {
            key: "from",
            idSuffix: "from",
            label: t("from"),
            value: measure.from,
            onCommit: (v) => setNavMeasurePeriod(doc, measure.id, { from: v, to: measure.to }),
            testId: "nav-measure-from",
          },
          {
            key: "to",
            idSuffix: "to",
            label: t("to"),
            value: measure.to,
            onCommit: (v) => setNavMeasurePeriod(doc, measure.id, { from: measure.from, to: v }),
            testId: "nav-measure-to",
          },
        ],
        notes: [{ key: "how", idSuffix: "how", label: t("how"), limit: "navMeasureHow", testId: "nav-measure-how" }],
        footer: <ItemConsentMarks kind="navMeasure" itemId={measure.id} />,
        removeTestId: "nav-measure-remove",
      }}
    />
  );
});

export const TriedCard = memo(function TriedCard({ measure, index }: { measure: TriedMeasure; index: number }) {
  const t = useTranslations("navPlan");
  const { conn } = useRoom();
  const doc = conn.doc;
  const title = t("triedN", { n: index + 1 });
  return (
    <PlanItemCard
      config={{
        list: "triedMeasures",
        itemId: measure.id,
        idPrefix: "tried",
        fieldPrefix: "tried",
        testId: "tried-measure",
        title,
        name: measure.text.trim() || title,
        titleLimit: "navMeasureText",
        titleTestId: "tried-text",
        columns: "md:grid-cols-[2fr_1fr]",
        selects: [
          {
            key: "kind",
            idSuffix: "kind",
            label: t("kind"),
            value: measure.kind,
            options: TRIED_KINDS,
            labelOf: (v) => t(`kinds.${v}`),
            onChange: (v) => isTriedKind(v) && setTriedKind(doc, measure.id, v),
            testId: "tried-kind",
          },
        ],
        notes: [{ key: "whyNot", idSuffix: "why", label: t("whyNot"), limit: "triedWhyNot", testId: "tried-why-not" }],
        footer: <ItemConsentMarks kind="triedMeasure" itemId={measure.id} />,
        removeTestId: "tried-remove",
      }}
    />
  );
});
