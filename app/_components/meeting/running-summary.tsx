"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { flowSummaryText } from "@/lib/collab/flow-schema";
import { FieldLabel } from "@/app/_components/room/field-label";
import { YTextField } from "../room/y-text-field";
import { useFlow } from "./flow-context";

/**
 * The running summary (the guide: "sum up along the way — where are we on the agenda and toward
 * the meeting's goal"). One shared text everyone can add to; usually the chair keeps it.
 */
export function RunningSummary() {
  const t = useTranslations("meeting.summary");
  const f = useFlow();
  const text = useMemo(() => flowSummaryText(f.conn.doc), [f.conn.doc]);
  return (
    <div data-field="flow.summary">
      <FieldLabel htmlFor="flow-summary" field="flow.summary">
        {t("label")}
      </FieldLabel>
      <p id="flow-summary-hint" className="mb-1 text-sm text-slate-700">
        {t("hint")}
      </p>
      <YTextField
        id="flow-summary"
        text={text}
        multiline
        rows={4}
        limit="flowSummary"
        readOnly={!f.editable}
        aria-describedby="flow-summary-hint"
        testId="flow-summary"
      />
    </div>
  );
}
