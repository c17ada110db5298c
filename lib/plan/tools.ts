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
