"use client";

import { memo, useMemo } from "react";
import { useTranslations } from "next-intl";
import {
  addNavMeasure,
  addTriedMeasure,
  addWorkTask,
  followUpPlanText,
  removeFollowUpPlanItem,
  setNavMeasurePeriod,
  setNavMeasureStatus,
  setNavPlanFacts,
  setTaskAdaptation,
  setTaskJudgedBy,
  setTaskJudgement,
  setTriedKind,
  NOT_CONTRIBUTED_REASON_MAX,
} from "@/lib/collab/follow-up-plan";
import type { FollowUpPlan, NavMeasure, TriedMeasure, WorkTask } from "@/lib/plan/follow-up-plan";
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
import { REHAB_MAX_WEEKS, referralReadiness } from "@/lib/plan/rehab-referral";
import { Section } from "@/app/_components/ui/section";
import { RemoveButton } from "@/app/_components/ui/remove-button";
import { alertClass, buttonClass, labelClass, noticeClass, selectClass } from "@/app/_components/ui/classes";
import { FieldLabel } from "@/app/_components/room/field-label";
import { DateField } from "./date-field";
import { addAndFocus } from "./focus-later";
import { PlainTextInput } from "./plain-text-input";
import { useRoom } from "./room-context";
import { YTextField } from "./y-text-field";

/**
 * NAV's follow-up plan (oppfølgingsplan), on a Norwegian case: the employee's work tasks judged
 * one of three ways and by whom, the measures with status, period and how, the measures the
 * employer tried or evaluated and why they could not be carried out, the plan's facts, and
 * whether the documentation NAV needs before occupational rehabilitation is complete.
 */
export const FollowUpPlanSection = memo(function FollowUpPlanSection({ plan }: { plan: FollowUpPlan }) {
  const t = useTranslations("navPlan");
  const { conn, editable } = useRoom();
  const doc = conn.doc;
  return (
    <Section id="follow-up-plan" title={t("title")} testId="nav-plan-section" intro={<p>{t("intro")}</p>}>
      <div className="space-y-8">
        <div>
          <h3 className="text-lg font-semibold text-slate-900">{t("workTasks")}</h3>
          <p className="text-sm text-slate-700">{t("workTasksIntro")}</p>
          {plan.workTasks.length === 0 ? <p className="mt-2 text-slate-700">{t("workTasksEmpty")}</p> : null}
          <ol className="mt-3 space-y-3">
            {plan.workTasks.map((task, i) => (
              <WorkTaskCard key={task.id} task={task} index={i} />
            ))}
          </ol>
          {editable ? (
            <button
              type="button"
              className={`${buttonClass} mt-3`}
              data-testid="work-task-add"
              onClick={() =>
                addAndFocus(
                  () => addWorkTask(doc, { text: "" }),
                  (id) => `work-task-${id}-text`,
                )
              }
            >
              {t("addWorkTask")}
            </button>
          ) : null}
        </div>
        <div>
          <h3 className="text-lg font-semibold text-slate-900">{t("measures")}</h3>
          <p className="text-sm text-slate-700">{t("measuresIntro")}</p>
          {plan.measures.length === 0 ? <p className="mt-2 text-slate-700">{t("measuresEmpty")}</p> : null}
          <ol className="mt-3 space-y-3">
            {plan.measures.map((m, i) => (
              <MeasureCard key={m.id} measure={m} index={i} />
            ))}
          </ol>
          {editable ? (
            <button
              type="button"
              className={`${buttonClass} mt-3`}
              data-testid="nav-measure-add"
              onClick={() =>
                addAndFocus(
                  () => addNavMeasure(doc, { text: "" }),
                  (id) => `nav-measure-${id}-text`,
                )
              }
            >
              {t("addMeasure")}
            </button>
          ) : null}
        </div>
        <div>
          <h3 className="text-lg font-semibold text-slate-900">{t("tried")}</h3>
          <p className="text-sm text-slate-700">{t("triedIntro")}</p>
          {plan.tried.length === 0 ? <p className="mt-2 text-slate-700">{t("triedEmpty")}</p> : null}
          <ol className="mt-3 space-y-3">
            {plan.tried.map((m, i) => (
              <TriedCard key={m.id} measure={m} index={i} />
            ))}
          </ol>
          {editable ? (
            <button
              type="button"
              className={`${buttonClass} mt-3`}
              data-testid="tried-add"
              onClick={() =>
                addAndFocus(
                  () => addTriedMeasure(doc, { text: "" }),
                  (id) => `tried-${id}-text`,
                )
              }
            >
              {t("addTried")}
            </button>
          ) : null}
        </div>
        <Facts plan={plan} />
        <ReferralReadiness plan={plan} />
      </div>
    </Section>
  );
});

function Select<T extends string>({
  id,
  field,
  label,
  value,
  options,
  labelOf,
  onChange,
  testId,
}: {
  id: string;
  field: string;
  label: string;
  value: T | "";
  options: readonly T[];
  labelOf: (v: T | "") => string;
  onChange: (v: string) => void;
  testId: string;
}) {
  const { editable } = useRoom();
  return (
    <div>
      <FieldLabel htmlFor={id} field={field}>
        {label}
      </FieldLabel>
      <select
        id={id}
        className={selectClass}
        value={value}
        disabled={!editable}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        <option value="">{labelOf("")}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

const WorkTaskCard = memo(function WorkTaskCard({ task, index }: { task: WorkTask; index: number }) {
  const t = useTranslations("navPlan");
  const { conn, editable } = useRoom();
  const doc = conn.doc;
  const base = `work-task-${task.id}`;
  const key = (f: string) => `workTask:${task.id}.${f}`;
  const texts = useMemo(
    () => ({
      text: followUpPlanText(doc, "workTasks", task.id, "text"),
      note: followUpPlanText(doc, "workTasks", task.id, "adaptationNote"),
    }),
    [doc, task.id],
  );
  const name = task.text.trim() || t("taskN", { n: index + 1 });
  return (
    <li
      className="rounded-lg border border-slate-300 p-3"
      data-testid="work-task"
      data-item-id={task.id}
      data-judgement={task.judgement ?? ""}
    >
      <div className="grid gap-3 md:grid-cols-[2fr_1fr_1fr]">
        <div data-field={key("text")}>
          <FieldLabel htmlFor={`${base}-text`} field={key("text")}>
            {t("taskN", { n: index + 1 })}
          </FieldLabel>
          <YTextField
            id={`${base}-text`}
            text={texts.text}
            limit="workTaskText"
            readOnly={!editable}
            autoComplete="off"
            testId="work-task-text"
          />
        </div>
        <Select
          id={`${base}-judgement`}
          field={key("judgement")}
          label={t("judgement")}
          value={task.judgement ?? ""}
          options={TASK_JUDGEMENTS}
          labelOf={(v) => t(`judgements.${v || "none"}`)}
          onChange={(v) => setTaskJudgement(doc, task.id, isTaskJudgement(v) ? v : null)}
          testId="work-task-judgement"
        />
        <Select
          id={`${base}-judged-by`}
          field={key("judgedBy")}
          label={t("judgedBy")}
          value={task.judgedBy ?? ""}
          options={TASK_JUDGED_BY}
          labelOf={(v) => t(`judgedByOptions.${v || "none"}`)}
          onChange={(v) => setTaskJudgedBy(doc, task.id, isTaskJudgedBy(v) ? v : null)}
          testId="work-task-judged-by"
        />
      </div>
      {task.judgement === "adapt" ? (
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
                  onChange={(e) => setTaskAdaptation(doc, task.id, a, e.target.checked)}
                  data-testid={`work-task-adapt-${a}`}
                />
                {t(`adaptation.${a}`)}
              </label>
            ))}
          </div>
          <div className="mt-3" data-field={key("adaptationNote")}>
            <FieldLabel htmlFor={`${base}-note`} field={key("adaptationNote")}>
              {t("adaptationNote")}
            </FieldLabel>
            <YTextField
              id={`${base}-note`}
              text={texts.note}
              multiline
              rows={2}
              limit="workTaskNote"
              readOnly={!editable}
              testId="work-task-note"
            />
          </div>
        </fieldset>
      ) : null}
      <div className="mt-2">
        <RemoveButton
          name={name}
          disabled={!editable}
          testId="work-task-remove"
          onRemove={() => removeFollowUpPlanItem(doc, "workTasks", task.id)}
        />
      </div>
    </li>
  );
});

const MeasureCard = memo(function MeasureCard({ measure, index }: { measure: NavMeasure; index: number }) {
  const t = useTranslations("navPlan");
  const { conn, editable } = useRoom();
  const doc = conn.doc;
  const base = `nav-measure-${measure.id}`;
  const key = (f: string) => `navMeasure:${measure.id}.${f}`;
  const texts = useMemo(
    () => ({
      text: followUpPlanText(doc, "navMeasures", measure.id, "text"),
      how: followUpPlanText(doc, "navMeasures", measure.id, "how"),
    }),
    [doc, measure.id],
  );
  const name = measure.text.trim() || t("measureN", { n: index + 1 });
  return (
    <li className="rounded-lg border border-slate-300 p-3" data-testid="nav-measure" data-item-id={measure.id}>
      <div className="grid gap-3 md:grid-cols-[2fr_1fr]">
        <div data-field={key("text")}>
          <FieldLabel htmlFor={`${base}-text`} field={key("text")}>
            {t("measureN", { n: index + 1 })}
          </FieldLabel>
          <YTextField
            id={`${base}-text`}
            text={texts.text}
            limit="navMeasureText"
            readOnly={!editable}
            autoComplete="off"
            testId="nav-measure-text"
          />
        </div>
        <div>
          <label htmlFor={`${base}-status`} className={labelClass}>
            {t("status")}
          </label>
          <select
            id={`${base}-status`}
            className={selectClass}
            value={measure.status}
            disabled={!editable}
            onChange={(e) => isMeasureStatus(e.target.value) && setNavMeasureStatus(doc, measure.id, e.target.value)}
            data-testid="nav-measure-status"
          >
            {MEASURE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-3">
        <DateField
          id={`${base}-from`}
          field={key("from")}
          label={t("from")}
          value={measure.from}
          readOnly={!editable}
          onCommit={(v) => setNavMeasurePeriod(doc, measure.id, { from: v, to: measure.to })}
          testId="nav-measure-from"
        />
        <DateField
          id={`${base}-to`}
          field={key("to")}
          label={t("to")}
          value={measure.to}
          readOnly={!editable}
          onCommit={(v) => setNavMeasurePeriod(doc, measure.id, { from: measure.from, to: v })}
          testId="nav-measure-to"
        />
      </div>
      <div className="mt-3" data-field={key("how")}>
        <FieldLabel htmlFor={`${base}-how`} field={key("how")}>
          {t("how")}
        </FieldLabel>
        <YTextField
          id={`${base}-how`}
          text={texts.how}
          multiline
          rows={2}
          limit="navMeasureHow"
          readOnly={!editable}
          testId="nav-measure-how"
        />
      </div>
      <div className="mt-2">
        <RemoveButton
          name={name}
          disabled={!editable}
          testId="nav-measure-remove"
          onRemove={() => removeFollowUpPlanItem(doc, "navMeasures", measure.id)}
        />
      </div>
    </li>
  );
});

const TriedCard = memo(function TriedCard({ measure, index }: { measure: TriedMeasure; index: number }) {
  const t = useTranslations("navPlan");
  const { conn, editable } = useRoom();
  const doc = conn.doc;
  const base = `tried-${measure.id}`;
  const key = (f: string) => `tried:${measure.id}.${f}`;
  const texts = useMemo(
    () => ({
      text: followUpPlanText(doc, "triedMeasures", measure.id, "text"),
      why: followUpPlanText(doc, "triedMeasures", measure.id, "whyNot"),
    }),
    [doc, measure.id],
  );
  const name = measure.text.trim() || t("triedN", { n: index + 1 });
  return (
    <li className="rounded-lg border border-slate-300 p-3" data-testid="tried-measure" data-item-id={measure.id}>
      <div className="grid gap-3 md:grid-cols-[2fr_1fr]">
        <div data-field={key("text")}>
          <FieldLabel htmlFor={`${base}-text`} field={key("text")}>
            {t("triedN", { n: index + 1 })}
          </FieldLabel>
          <YTextField
            id={`${base}-text`}
            text={texts.text}
            limit="navMeasureText"
            readOnly={!editable}
            autoComplete="off"
            testId="tried-text"
          />
        </div>
        <div>
          <label htmlFor={`${base}-kind`} className={labelClass}>
            {t("kind")}
          </label>
          <select
            id={`${base}-kind`}
            className={selectClass}
            value={measure.kind}
            disabled={!editable}
            onChange={(e) => isTriedKind(e.target.value) && setTriedKind(doc, measure.id, e.target.value)}
            data-testid="tried-kind"
          >
            {TRIED_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-3" data-field={key("whyNot")}>
        <FieldLabel htmlFor={`${base}-why`} field={key("whyNot")}>
          {t("whyNot")}
        </FieldLabel>
        <YTextField
          id={`${base}-why`}
          text={texts.why}
          multiline
          rows={2}
          limit="triedWhyNot"
          readOnly={!editable}
          testId="tried-why-not"
        />
      </div>
      <div className="mt-2">
        <RemoveButton
          name={name}
          disabled={!editable}
          testId="tried-remove"
          onRemove={() => removeFollowUpPlanItem(doc, "triedMeasures", measure.id)}
        />
      </div>
    </li>
  );
});

function Facts({ plan }: { plan: FollowUpPlan }) {
  const t = useTranslations("navPlan");
  const { conn, editable } = useRoom();
  const doc = conn.doc;
  const f = plan.facts;
  const contributed = f.employeeContributed === null ? "" : f.employeeContributed ? "yes" : "no";
  return (
    <fieldset className="rounded-lg border border-slate-300 p-3" data-testid="nav-plan-facts">
      <legend className="px-1 text-lg font-semibold text-slate-900">{t("facts")}</legend>
      <div className="space-y-3">
        <DateField
          id="nav-plan-evaluation"
          field="navPlan.evaluationDate"
          label={t("evaluationDate")}
          value={f.evaluationDate}
          readOnly={!editable}
          onCommit={(v) => setNavPlanFacts(doc, { evaluationDate: v })}
          testId="nav-plan-evaluation"
        />
        <div>
          <label htmlFor="nav-plan-contributed" className={labelClass}>
            {t("employeeContributed")}
          </label>
          <select
            id="nav-plan-contributed"
            className={`${selectClass} max-w-xs`}
            value={contributed}
            disabled={!editable}
            onChange={(e) => setNavPlanFacts(doc, { employeeContributed: e.target.value === "" ? null : e.target.value === "yes" })}
            data-testid="nav-plan-contributed"
          >
            <option value="">{t("contributedUnanswered")}</option>
            <option value="yes">{t("contributedYes")}</option>
            <option value="no">{t("contributedNo")}</option>
          </select>
        </div>
        {f.employeeContributed === false ? (
          <PlainTextInput
            id="nav-plan-not-contributed"
            field="navPlan.notContributedReason"
            label={t("notContributedReason")}
            value={f.notContributedReason}
            maxLength={NOT_CONTRIBUTED_REASON_MAX}
            readOnly={!editable}
            onCommit={(v) => setNavPlanFacts(doc, { notContributedReason: v })}
            testId="nav-plan-not-contributed"
          />
        ) : null}
        {(["shareWithNav", "shareWithDoctor"] as const).map((k) => (
          <label key={k} className="flex items-center gap-2 text-slate-900">
            <input
              type="checkbox"
              className="size-5 accent-blue-700"
              checked={f[k]}
              disabled={!editable}
              onChange={(e) => setNavPlanFacts(doc, { [k]: e.target.checked })}
              data-testid={`nav-plan-${k}`}
            />
            {t(k)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Whether NAV has the documentation it needs before occupational rehabilitation (seed 003). */
function ReferralReadiness({ plan }: { plan: FollowUpPlan }) {
  const t = useTranslations("navPlan.referral");
  const readiness = referralReadiness(plan);
  return (
    <div data-testid="rehab-referral" data-complete={readiness.complete}>
      <h3 className="text-lg font-semibold text-slate-900">{t("title")}</h3>
      <p className="text-sm text-slate-700">{t("intro", { weeks: REHAB_MAX_WEEKS })}</p>
      {readiness.complete ? (
        <p className={`${noticeClass} mt-2`} role="status">
          {t("complete")}
        </p>
      ) : (
        <div className={`${alertClass} mt-2`} role="status">
          <p>{t("incomplete")}</p>
          <ul className="mt-1 list-disc pl-6">
            {readiness.gaps.map((g) => (
              <li key={g} data-testid={`rehab-gap-${g}`}>
                {t(`missing.${g}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
