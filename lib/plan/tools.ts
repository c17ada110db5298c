import type { Country } from "../organisation/country";

/** The law's tools (redskaber) a plan can use. Labels live in the catalogues under `tools.<key>`. */
export const PLAN_TOOLS = [
  "partialReturn",
  "internship",
  "mentor",
  "section56",
  "aids",
  "personalAssistance",
  "socialChapter",
  "wageSubsidy",
] as const;
export type PlanTool = (typeof PLAN_TOOLS)[number];

export function isPlanTool(v: unknown): v is PlanTool {
  return typeof v === "string" && (PLAN_TOOLS as readonly string[]).includes(v);
}

/** Danish law only: the §56 agreement (sygedagpengeloven) and the collective agreements' social chapters. */
export const DANISH_ONLY_TOOLS: readonly PlanTool[] = ["section56", "socialChapter"];

/**
 * The tools a plan offers on a case in this country, in the usual order: a Norwegian case is not
 * offered §56 or social chapters. A tool the plan already uses stays listed whatever the country
 * (ticked before the country was set), so that it can be seen and unticked rather than hide in
 * the agreement.
 */
export function toolsOffered(country: Country, inUse: Partial<Record<PlanTool, boolean>> = {}): PlanTool[] {
  return PLAN_TOOLS.filter((tool) => country === "DK" || !DANISH_ONLY_TOOLS.includes(tool) || inUse[tool] === true);
}
