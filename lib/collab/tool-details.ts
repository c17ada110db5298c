import type * as Y from "yjs";
import { hoursRampMap, toolDetailsMap } from "./schema";
import { AppError } from "../errors";
import { isPlanTool, PLAN_TOOLS, type PlanTool } from "../plan/tools";
import { readToolDetail, toolDetailSchema, type ToolDetail } from "../plan/tool-detail";
import { hoursRampSchema, readHoursRamp, type HoursRamp } from "../plan/hours-ramp";

/**
 * The law's tools' details (`toolDetails`: one JSON value per tool) and the structured hours ramp
 * (`hoursRamp.ramp`: one JSON value). Each is replaced whole when someone changes it: small forms
 * where the last change wins, checked with the same zod schema that reads them back.
 */

function invalid(err: { issues: { path: PropertyKey[] }[] }): AppError {
  const fields = Object.fromEntries(err.issues.map((i) => [i.path.map(String).join(".") || "value", "invalid"]));
  return new AppError("INVALID_INPUT", "the details are not valid", fields);
}

/** Set (or with null clear) a tool's details. */
export function setToolDetail(doc: Y.Doc, tool: PlanTool, detail: ToolDetail | null): void {
  if (!isPlanTool(tool)) throw new AppError("INVALID_INPUT", "unknown tool");
  if (detail === null) {
    doc.transact(() => toolDetailsMap(doc).delete(tool));
    return;
  }
  const parsed = toolDetailSchema.safeParse(detail);
  if (!parsed.success) throw invalid(parsed.error);
  if (parsed.data.from && parsed.data.to && parsed.data.to < parsed.data.from) {
    throw new AppError("INVALID_INPUT", "the period ends before it starts", { to: "before_from" });
  }
  // Through JSON: a key given as undefined is left out rather than stored.
  doc.transact(() => toolDetailsMap(doc).set(tool, JSON.parse(JSON.stringify(parsed.data)) as ToolDetail));
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
  const parsed = hoursRampSchema.safeParse(ramp);
  if (!parsed.success) throw invalid(parsed.error);
  doc.transact(() => hoursRampMap(doc).set("ramp", parsed.data));
}

export function readHoursRampOf(doc: Y.Doc): HoursRamp {
  return readHoursRamp(hoursRampMap(doc).get("ramp"));
}
