import type { Country } from "../organisation/country";

/**
 * The law's tools (redskaber / virkemidler) a plan can use. Labels live in the catalogues under
 * `tools.<key>`. Most belong to one country's law: the lists below say which country offers which.
 */
export const PLAN_TOOLS = [
  "partialReturn",
  "internship",
  "mentor",
  "section56",
  "aids",
  "personalAssistance",
  "socialChapter",
  "wageSubsidy",
  "clarificationCourse",
  "resourceCourse",
  "workRelatedActivity",
  "adaptationGrant",
] as const;
export type PlanTool = (typeof PLAN_TOOLS)[number];

export function isPlanTool(v: unknown): v is PlanTool {
  return typeof v === "string" && (PLAN_TOOLS as readonly string[]).includes(v);
}

/**
 * The tools each country's law offers, in the order its guidance lists them. Denmark
 * (sygedagpengeloven, beskæftigelsesloven: seeds 002 and 004); Norway (NAV: gradert sykmelding,
 * arbeidsrelatert aktivitet, tilretteleggingstilskudd, arbeidstrening, mentor, hjelpemidler).
 * `partialReturn` is delvis raskmelding in Denmark and gradert sykmelding in Norway; `internship`
 * is virksomhedspraktik and arbeidstrening.
 */
export const TOOLS_BY_COUNTRY: Readonly<Record<Country, readonly PlanTool[]>> = {
  DK: [
    "partialReturn",
    "internship",
    "mentor",
    "section56",
    "aids",
    "personalAssistance",
    "socialChapter",
    "wageSubsidy",
    "clarificationCourse",
    "resourceCourse",
  ],
  NO: ["partialReturn", "workRelatedActivity", "adaptationGrant", "internship", "mentor", "aids"],
};

/** Danish law only: the §56 agreement (sygedagpengeloven) and the collective agreements' social chapters, among others. */
export const DANISH_ONLY_TOOLS: readonly PlanTool[] = PLAN_TOOLS.filter((t) => !TOOLS_BY_COUNTRY.NO.includes(t));

/**
 * The tools a plan offers on a case in this country, in the country's order: a Norwegian case is
 * not offered §56 or social chapters, a Danish one not tilretteleggingstilskudd. A tool the plan
 * already uses stays listed whatever the country (ticked before the country was set), so that it
 * can be seen and unticked rather than hide in the agreement.
 */
export function toolsOffered(country: Country, inUse: Partial<Record<PlanTool, boolean>> = {}): PlanTool[] {
  const own = TOOLS_BY_COUNTRY[country];
  return [...own, ...PLAN_TOOLS.filter((tool) => !own.includes(tool) && inUse[tool] === true)];
}
