import type * as Y from "yjs";
import { hoursRampMap, toolDetailsMap } from "./schema";
import { AppError } from "../errors";
import { isPlanTool, PLAN_TOOLS, type PlanTool } from "../plan/tools";
import { checkToolDetail, readToolDetail, type ToolDetail } from "../plan/tool-detail";
import { checkHoursRamp, readHoursRamp, type HoursRamp } from "../plan/hours-ramp";

/**
 * The law's tools' details (`toolDetails`: one JSON value per tool) and the structured hours ramp
 * (`hoursRamp.ramp`: one JSON value). Each is replaced whole when someone changes it: small forms
 * where the last change wins, checked with the same check that reads them back.
 */

/** The failing fields by path ("steps.0.weeks"; "value" for the whole value). */
function invalid(fields: Record<string, string>): AppError {
  return new AppError("INVALID_INPUT", "the details are not valid", fields);
}

/** Set (or with null clear) a tool's details. */
export function setToolDetail(doc: Y.Doc, tool: PlanTool, detail: ToolDetail | null): void {
  if (!isPlanTool(tool)) throw new AppError("INVALID_INPUT", "unknown tool");
  if (detail === null) {
    doc.transact(() => toolDetailsMap(doc).delete(tool));
    return;
  }
  const checked = checkToolDetail(detail);
  if (!checked.ok) throw invalid(checked.fields);
  if (checked.value.from && checked.value.to && checked.value.to < checked.value.from) {
    throw new AppError("INVALID_INPUT", "the period ends before it starts", { to: "before_from" });
  }
  // Through JSON: a key given as undefined is left out rather than stored.
  doc.transact(() => toolDetailsMap(doc).set(tool, JSON.parse(JSON.stringify(checked.value)) as ToolDetail));
}

export function readToolDetails(doc: Y.Doc): Partial<Record<PlanTool, ToolDetail>> {
  const m = toolDetailsMap(doc);
  const out: Partial<Record<PlanTool, ToolDetail>> = {};
  for (const t of PLAN_TOOLS) {
    const d = readToolDetail(m.get(t));
    if (d) out[t] = d;
  }
  return out;
}

/** Replace the hours ramp. */
export function setHoursRamp(doc: Y.Doc, ramp: HoursRamp): void {
  const checked = checkHoursRamp(ramp);
  if (!checked.ok) throw invalid(checked.fields);
  doc.transact(() => hoursRampMap(doc).set("ramp", checked.value));
}

export function readHoursRampOf(doc: Y.Doc): HoursRamp {
  return readHoursRamp(hoursRampMap(doc).get("ramp"));
}
