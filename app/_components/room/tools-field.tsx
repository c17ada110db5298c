"use client";

import { useTranslations } from "next-intl";
import { setTool } from "@/lib/collab";
import type { Country } from "@/lib/organisation/country";
import { toolsOffered, type PlanTool } from "@/lib/plan/tools";
import { useRoom } from "./room-context";
import { EditingMarker } from "@/app/_components/room/field-label";
import type { ToolDetail } from "@/lib/plan/tool-detail";
import { ToolDetailFields } from "./tool-detail-fields";

/**
 * The law's tools (redskaber) the plan uses: one checkbox each, with a one-line explanation. Only
 * the tools of the organisation's country are offered (no §56 on a Norwegian case).
 */
export function ToolsField({
  tools,
  details,
  country,
}: {
  tools: Partial<Record<PlanTool, boolean>>;
  details: Partial<Record<PlanTool, ToolDetail>>;
  country: Country;
}) {
  const t = useTranslations("room.plan");
  const tt = useTranslations("tools");
  const th = useTranslations("toolHints");
  const { conn, editable } = useRoom();
  return (
    <fieldset data-field="plan.tools" data-testid="plan-tools">
      <legend className="text-base font-semibold text-slate-900">
        <span className="mr-2">{t("tools")}</span>
        <EditingMarker field="plan.tools" />
      </legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {toolsOffered(country, tools).map((tool) => {
          const id = `tool-${tool}`;
          return (
            <div key={tool} className="flex gap-3 rounded-lg border border-slate-300 p-3">
              <input
                id={id}
                type="checkbox"
                className="mt-1 size-5 shrink-0 accent-blue-700"
                checked={tools[tool] === true}
                disabled={!editable}
                onChange={(e) => setTool(conn.doc, tool, e.target.checked)}
                aria-describedby={`${id}-hint`}
                data-testid={id}
              />
              <div>
                <label htmlFor={id} className="font-medium text-slate-900">
                  {tt(tool)}
                </label>
                <p id={`${id}-hint`} className="text-sm text-slate-700">
                  {th(tool)}
                </p>
                {tools[tool] === true ? <ToolDetailFields tool={tool} detail={details[tool]} /> : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
