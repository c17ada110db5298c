"use client";

import { useTranslations } from "next-intl";
import { setToolDetail } from "@/lib/collab/tool-details";
import { TOOL_FIELDS, TOOL_STATUSES, type ToolDetail } from "@/lib/plan/tool-detail";
import type { PlanTool } from "@/lib/plan/tools";
import { labelClass, selectClass } from "@/app/_components/ui/classes";
import { DateField } from "./date-field";
import { NumberField } from "./number-field";
import { PlainTextInput } from "./plain-text-input";
import { useRoom } from "./room-context";

/**
 * A ticked tool's details: in use or under consideration, and the fields the tool needs (place,
 * hours a week, period, what, §56 approved, years). Each change replaces the tool's detail whole.
 */
export function ToolDetailFields({ tool, detail }: { tool: PlanTool; detail: ToolDetail | undefined }) {
  const t = useTranslations("toolDetail");
  const { conn, editable } = useRoom();
  const current: ToolDetail = detail ?? { status: "in_use" };
  const set = (patch: Partial<ToolDetail>) => setToolDetail(conn.doc, tool, { ...current, ...patch });
  const fields = TOOL_FIELDS[tool];
  const id = (f: string) => `tool-${tool}-${f}`;
  const field = (f: string) => `toolDetail:${tool}.${f}`;
  return (
    <div className="mt-3 space-y-3 border-t border-slate-200 pt-3" data-testid={`tool-${tool}-details`}>
      <div>
        <label htmlFor={id("status")} className={labelClass}>
          {t("status")}
        </label>
        <select
          id={id("status")}
          className={selectClass}
          value={current.status}
          disabled={!editable}
          onChange={(e) => set({ status: e.target.value === "considering" ? "considering" : "in_use" })}
          data-testid={id("status")}
        >
          {TOOL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {tool === "partialReturn" ? <p className="text-sm text-slate-700">{t("rampNote")}</p> : null}
      {fields.includes("place") ? (
        <PlainTextInput
          id={id("place")}
          field={field("place")}
          label={t("place")}
          value={current.place ?? ""}
          maxLength={200}
          readOnly={!editable}
          onCommit={(v) => set({ place: v })}
          testId={id("place")}
        />
      ) : null}
      {fields.includes("what") ? (
        <PlainTextInput
          id={id("what")}
          field={field("what")}
          label={t("what")}
          value={current.what ?? ""}
          maxLength={500}
          readOnly={!editable}
          onCommit={(v) => set({ what: v })}
          testId={id("what")}
        />
      ) : null}
      {fields.includes("hoursPerWeek") ? (
        <NumberField
          id={id("hours")}
          field={field("hoursPerWeek")}
          label={t("hoursPerWeek")}
          value={current.hoursPerWeek ?? null}
          readOnly={!editable}
          onCommit={(v) => set({ hoursPerWeek: v })}
          invalidMessage={t("hoursPerWeek")}
          testId={id("hours")}
        />
      ) : null}
      {fields.includes("years") ? (
        <NumberField
          id={id("years")}
          field={field("years")}
          label={t("years")}
          value={current.years ?? null}
          integer
          readOnly={!editable}
          onCommit={(v) => set({ years: v })}
          invalidMessage={t("years")}
          testId={id("years")}
        />
      ) : null}
      {fields.includes("approved") ? (
        <div>
          <label htmlFor={id("approved")} className={labelClass}>
            {t("approved")}
          </label>
          <select
            id={id("approved")}
            className={selectClass}
            value={current.approved === true ? "yes" : current.approved === false ? "no" : ""}
            disabled={!editable}
            onChange={(e) => set({ approved: e.target.value === "" ? null : e.target.value === "yes" })}
            data-testid={id("approved")}
          >
            <option value="">{t("approvedUndecided")}</option>
            <option value="yes">{t("approvedYes")}</option>
            <option value="no">{t("approvedNo")}</option>
          </select>
        </div>
      ) : null}
      {fields.includes("from") ? (
        <div className="flex flex-wrap gap-3">
          <DateField
            id={id("from")}
            field={field("from")}
            label={t("from")}
            value={current.from ?? null}
            readOnly={!editable}
            onCommit={(v) => set({ from: v })}
            testId={id("from")}
          />
          {fields.includes("to") ? (
            <DateField
              id={id("to")}
              field={field("to")}
              label={t("to")}
              value={current.to ?? null}
              readOnly={!editable}
              onCommit={(v) => set({ to: v })}
              testId={id("to")}
            />
          ) : null}
        </div>
      ) : null}
      <PlainTextInput
        id={id("note")}
        field={field("note")}
        label={t("note")}
        value={current.note ?? ""}
        maxLength={500}
        readOnly={!editable}
        onCommit={(v) => set({ note: v })}
        testId={id("note")}
      />
    </div>
  );
}
