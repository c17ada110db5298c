"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { goalText, setGoalTargetDate } from "@/lib/collab";
import { DateField } from "./date-field";
import { useRoom } from "./room-context";
import { FieldLabel } from "@/app/_components/room/field-label";
import { YTextField } from "./y-text-field";
import { useFieldDateWarning } from "../meeting/date-warnings";

export function GoalField({ targetDate }: { targetDate: string | null }) {
  const t = useTranslations("room.plan");
  const { conn, editable } = useRoom();
  const text = useMemo(() => goalText(conn.doc), [conn.doc]);
  const warning = useFieldDateWarning("goalTargetDate", null);
  return (
    <div className="space-y-3">
      <div data-field="plan.goal">
        <FieldLabel htmlFor="plan-goal" field="plan.goal">
          {t("goal")}
        </FieldLabel>
        <p id="plan-goal-hint" className="mb-1 text-sm text-slate-700">
          {t("goalHint")}
        </p>
        <YTextField
          id="plan-goal"
          text={text}
          multiline
          rows={3}
          limit="goal"
          readOnly={!editable}
          aria-describedby="plan-goal-hint"
          testId="plan-goal"
        />
      </div>
      <div data-field="plan.goalTargetDate">
        <DateField
          id="plan-goal-date"
          field="plan.goalTargetDate"
          label={t("goalTargetDate")}
          value={targetDate}
          readOnly={!editable}
          onCommit={(v) => setGoalTargetDate(conn.doc, v)}
          testId="plan-goal-date"
          warning={warning}
        />
      </div>
    </div>
  );
}
