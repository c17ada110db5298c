"use client";

import { memo, useMemo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import {
  activityText,
  addActivity,
  addSubGoal,
  moveSubGoal,
  removeActivity,
  removeSubGoal,
  setMeasureSchedule,
  setMeasureValue,
  setSubGoalDue,
  subGoalText,
  type ActivityTextField,
  type ActivityView,
  type SubGoalTextField,
  type SubGoalView,
} from "@/lib/collab";
import { DateField } from "./date-field";
import { addAndFocus } from "./focus-later";
import { NumberField } from "./number-field";
import { useRoom } from "./room-context";
import { FieldLabel } from "@/app/_components/room/field-label";
import { MoveButtons } from "@/app/_components/ui/move-buttons";
import { RemoveButton } from "@/app/_components/ui/remove-button";
import { buttonClass, labelClass, selectClass } from "@/app/_components/ui/classes";
import { isMeasureSchedule, MEASURE_SCHEDULES } from "@/lib/plan/measure-schedule";
import { YTextField } from "./y-text-field";
import { CatalogueActivityFields } from "./catalogue-activity-fields";
import type { Country } from "@/lib/organisation/country";
import { useFieldDateWarning } from "../meeting/date-warnings";
import { useLogChange } from "../meeting/use-log-change";

/** Sub-goals (delmål) with a due date and something measurable, and the activities under each. */
export const SubGoalsField = memo(function SubGoalsField({ subGoals, country }: { subGoals: SubGoalView[]; country: Country }) {
  const t = useTranslations("room.plan");
  const { conn, editable } = useRoom();
  const log = useLogChange();
  const add = () => {
    const id = addAndFocus(
      () => addSubGoal(conn.doc, { text: "" }),
      (added) => `subgoal-${added}-text`,
    );
    log("subgoal_added", id);
  };
  return (
    <div>
      <p className="text-sm text-slate-700">{t("subGoalsHint")}</p>
      {subGoals.length === 0 ? <p className="mt-3 text-slate-700">{t("subGoalsEmpty")}</p> : null}
      <ol className="mt-3 space-y-4">
        {subGoals.map((sg, i) => (
          <SubGoalCard key={sg.id} subGoal={sg} index={i} last={i === subGoals.length - 1} country={country} />
        ))}
      </ol>
      {editable ? (
        <button type="button" className={`${buttonClass} mt-4`} onClick={add} data-testid="subgoal-add">
          {t("addSubGoal")}
        </button>
      ) : null}
    </div>
  );
});

const SubGoalCard = memo(function SubGoalCard({
  subGoal,
  index,
  last,
  country,
}: {
  subGoal: SubGoalView;
  index: number;
  last: boolean;
  country: Country;
}) {
  const t = useTranslations("room.plan");
  const ts = useTranslations("measureSchedule");
  const format = useFormatter();
  const { conn, editable } = useRoom();
  const log = useLogChange();
  const doc = conn.doc;
  const base = `subgoal-${subGoal.id}`;
  const key = (f: string) => `subGoal:${subGoal.id}.${f}`;
  const texts = useMemo(() => {
    const of = (f: SubGoalTextField) => subGoalText(doc, subGoal.id, f);
    return { text: of("text"), label: of("measureLabel"), unit: of("measureUnit") };
  }, [doc, subGoal.id]);
  const name = subGoal.text.trim() || t("subGoalN", { n: index + 1 });
  const { measure } = subGoal;
  const hasMeasure = measure.from !== null || measure.target !== null;
  const dueWarning = useFieldDateWarning("subGoal.due", subGoal.id);
  const addAct = () => {
    const id = addAndFocus(
      () => addActivity(doc, subGoal.id, { text: "" }),
      (added) => `activity-${added}-text`,
    );
    log("activity_added", id);
  };
  return (
    <li className="rounded-lg border border-slate-300 p-3 sm:p-4" data-testid="subgoal" data-item-id={subGoal.id}>
      <h4 className="text-base font-semibold text-slate-900">{t("subGoalN", { n: index + 1 })}</h4>
      <div className="mt-2 space-y-3">
        <div data-field={key("text")}>
          <FieldLabel htmlFor={`${base}-text`} field={key("text")}>
            {t("subGoalText")}
          </FieldLabel>
          <YTextField
            id={`${base}-text`}
            text={texts.text}
            multiline
            rows={2}
            limit="subGoalText"
            readOnly={!editable}
            testId="subgoal-text"
          />
        </div>
        <div data-field={key("due")}>
          <DateField
            id={`${base}-due`}
            field={key("due")}
            label={t("subGoalDue")}
            value={subGoal.due}
            readOnly={!editable}
            onCommit={(v) => setSubGoalDue(doc, subGoal.id, v)}
            testId="subgoal-due"
            warning={dueWarning}
          />
        </div>
        <fieldset className="rounded-md border border-slate-300 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-900">{t("measure")}</legend>
          <p className="text-sm text-slate-700">{t("measureHint")}</p>
          <div className="mt-2 flex flex-wrap items-start gap-3">
            <div className="min-w-40 flex-1" data-field={key("measureLabel")}>
              <FieldLabel htmlFor={`${base}-mlabel`} field={key("measureLabel")}>
                {t("measureLabel")}
              </FieldLabel>
              <YTextField
                id={`${base}-mlabel`}
                text={texts.label}
                limit="measureLabel"
                readOnly={!editable}
                autoComplete="off"
                testId="subgoal-measure-label"
              />
            </div>
            <div data-field={key("measureFrom")}>
              <NumberField
                id={`${base}-mfrom`}
                field={key("measureFrom")}
                label={t("measureFrom")}
                value={measure.from}
                readOnly={!editable}
                onCommit={(v) => setMeasureValue(doc, subGoal.id, "from", v)}
                invalidMessage={t("measureInvalid")}
                testId="subgoal-measure-from"
              />
            </div>
            <div data-field={key("measureTarget")}>
              <NumberField
                id={`${base}-mtarget`}
                field={key("measureTarget")}
                label={t("measureTarget")}
                value={measure.target}
                readOnly={!editable}
                onCommit={(v) => setMeasureValue(doc, subGoal.id, "target", v)}
                invalidMessage={t("measureInvalid")}
                testId="subgoal-measure-target"
              />
            </div>
            <div className="min-w-32 flex-1" data-field={key("measureUnit")}>
              <FieldLabel htmlFor={`${base}-munit`} field={key("measureUnit")}>
                {t("measureUnit")}
              </FieldLabel>
              <YTextField
                id={`${base}-munit`}
                text={texts.unit}
                limit="measureUnit"
                readOnly={!editable}
                autoComplete="off"
                testId="subgoal-measure-unit"
              />
            </div>
            {/* How often the next entry is asked for by e-mail (lib/reminders): a choice, never free text. */}
            <div className="min-w-40" data-field={key("measureSchedule")}>
              <label htmlFor={`${base}-mschedule`} className={labelClass}>
                {ts("label")}
              </label>
              <select
                id={`${base}-mschedule`}
                className={`${selectClass} mt-1`}
                value={measure.schedule ?? ""}
                disabled={!editable}
                onChange={(e) => setMeasureSchedule(doc, subGoal.id, isMeasureSchedule(e.target.value) ? e.target.value : null)}
                data-testid="subgoal-measure-schedule"
              >
                <option value="">{ts("none")}</option>
                {MEASURE_SCHEDULES.map((s) => (
                  <option key={s} value={s}>
                    {ts(s)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {hasMeasure ? (
            <p className="mt-2 text-sm font-medium text-slate-800" data-testid="subgoal-measure-summary">
              {t("measureSummary", {
                label: measure.label.trim() || t("measureLabelFallback"),
                from: measure.from === null ? "?" : format.number(measure.from),
                target: measure.target === null ? "?" : format.number(measure.target),
                unit: measure.unit.trim(),
              })}
            </p>
          ) : null}
        </fieldset>
        <div>
          <h5 className="text-sm font-semibold text-slate-900">{t("activities")}</h5>
          {subGoal.activities.length === 0 ? <p className="mt-1 text-sm text-slate-700">{t("activitiesEmpty")}</p> : null}
          <ul className="mt-2 space-y-3">
            {subGoal.activities.map((a, ai) => (
              <ActivityRow key={a.id} subGoalId={subGoal.id} activity={a} index={ai} country={country} />
            ))}
          </ul>
          {editable ? (
            <button type="button" className={`${buttonClass} mt-2`} onClick={addAct} data-testid="activity-add">
              {t("addActivity")}
            </button>
          ) : null}
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
        <MoveButtons
          index={index}
          last={last}
          name={name}
          disabled={!editable}
          testIdPrefix="subgoal"
          onMove={(to) => moveSubGoal(doc, subGoal.id, to)}
        />
        <RemoveButton
          name={name}
          disabled={!editable}
          testId="subgoal-remove"
          onRemove={() => {
            removeSubGoal(doc, subGoal.id);
            log("subgoal_removed", subGoal.id);
          }}
        />
      </div>
    </li>
  );
});

const ActivityRow = memo(function ActivityRow({
  subGoalId,
  activity,
  index,
  country,
}: {
  subGoalId: string;
  activity: ActivityView;
  index: number;
  country: Country;
}) {
  const t = useTranslations("room.plan");
  const { conn, editable } = useRoom();
  const log = useLogChange();
  const doc = conn.doc;
  const base = `activity-${activity.id}`;
  const key = (f: string) => `activity:${activity.id}.${f}`;
  const texts = useMemo(() => {
    const of = (f: ActivityTextField) => activityText(doc, subGoalId, activity.id, f);
    return { text: of("text"), who: of("who"), schedule: of("schedule") };
  }, [doc, subGoalId, activity.id]);
  const name = activity.text.trim() || t("activityN", { n: index + 1 });
  return (
    <li className="rounded-md bg-slate-50 p-3" data-testid="activity" data-item-id={activity.id}>
      <div className="grid gap-3 md:grid-cols-[2fr_1fr_1fr]">
        <div data-field={key("text")}>
          <FieldLabel htmlFor={`${base}-text`} field={key("text")}>
            {t("activityText", { n: index + 1 })}
          </FieldLabel>
          <YTextField
            id={`${base}-text`}
            text={texts.text}
            multiline
            rows={2}
            limit="activityText"
            readOnly={!editable}
            autoComplete="off"
            testId="activity-text"
          />
        </div>
        <div data-field={key("who")}>
          <FieldLabel htmlFor={`${base}-who`} field={key("who")}>
            {t("activityWho")}
          </FieldLabel>
          <YTextField
            id={`${base}-who`}
            text={texts.who}
            limit="activityWho"
            readOnly={!editable}
            autoComplete="off"
            testId="activity-who"
          />
        </div>
        <div data-field={key("schedule")}>
          <FieldLabel htmlFor={`${base}-schedule`} field={key("schedule")}>
            {t("activitySchedule")}
          </FieldLabel>
          <YTextField
            id={`${base}-schedule`}
            text={texts.schedule}
            multiline
            rows={2}
            limit="activitySchedule"
            readOnly={!editable}
            autoComplete="off"
            testId="activity-schedule"
          />
        </div>
      </div>
      <CatalogueActivityFields subGoalId={subGoalId} activityId={activity.id} facts={activity.catalogue} country={country} />
      <div className="mt-2">
        <RemoveButton
          name={name}
          disabled={!editable}
          testId="activity-remove"
          onRemove={() => {
            removeActivity(doc, subGoalId, activity.id);
            log("activity_removed", activity.id);
          }}
        />
      </div>
    </li>
  );
});
