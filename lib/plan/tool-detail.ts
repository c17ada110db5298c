import { bool, check, nullable, num, oneOf, optional, str, strictObject, type Checked } from "./value-checks";
import type { PlanTool } from "./tools";

/**
 * The details of one of the law's tools in a plan: whether it is in use or only under
 * consideration, and what each tool needs said about it (seeds 002 and 004; issue 17). A tool's
 * detail is one small JSON value in the shared document (last writer wins per tool), so the same
 * check reads what a person enters and what a document holds (value-checks.ts: not zod, as every
 * participant's browser reads it).
 */
export const TOOL_STATUSES = ["in_use", "considering"] as const;
export type ToolStatus = (typeof TOOL_STATUSES)[number];

/** The fields a detail can hold; TOOL_FIELDS says which each tool shows. */
export const DETAIL_FIELDS = ["place", "hoursPerWeek", "from", "to", "what", "approved", "years", "note"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

const isoDate = str({ pattern: /^\d{4}-\d{2}-\d{2}$/ });

export type ToolDetail = {
  status: ToolStatus;
  /** virksomhedspraktik / arbeidstrening: where. */
  place?: string | undefined;
  /** hours a week (internship, mentor hours, personal assistance). */
  hoursPerWeek?: number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  /** hjælpemidler / hjelpemidler: what. */
  what?: string | undefined;
  /** §56: approved by the job centre (null: not yet decided). */
  approved?: boolean | null | undefined;
  /** ressourceforløb: 1–5 years at a time. */
  years?: number | null | undefined;
  note?: string | undefined;
};

const toolDetail = strictObject<ToolDetail>({
  status: oneOf(TOOL_STATUSES),
  place: optional(str({ max: 200 })),
  hoursPerWeek: optional(nullable(num({ min: 0, max: 80 }))),
  from: optional(nullable(isoDate)),
  to: optional(nullable(isoDate)),
  what: optional(str({ max: 500 })),
  approved: optional(nullable(bool)),
  years: optional(nullable(num({ int: true, min: 1, max: 5 }))),
  note: optional(str({ max: 500 })),
});

export function checkToolDetail(v: unknown): Checked<ToolDetail> {
  return check(toolDetail, v);
}

/**
 * Which fields each tool shows. Partial return's hours by period are the plan's hours ramp
 * (hours-ramp.ts), so it carries a period and a note here, not a second schedule.
 */
export const TOOL_FIELDS: Readonly<Record<PlanTool, readonly DetailField[]>> = {
  partialReturn: ["from", "to", "note"],
  internship: ["place", "hoursPerWeek", "from", "to", "note"],
  mentor: ["hoursPerWeek", "from", "to", "note"],
  section56: ["approved", "from", "to", "note"],
  aids: ["what", "note"],
  personalAssistance: ["hoursPerWeek", "from", "to", "note"],
  socialChapter: ["note"],
  wageSubsidy: ["place", "hoursPerWeek", "from", "to", "note"],
  clarificationCourse: ["from", "to", "note"],
  resourceCourse: ["years", "from", "note"],
  workRelatedActivity: ["place", "hoursPerWeek", "from", "to", "note"],
  adaptationGrant: ["what", "from", "to", "note"],
};

/** A stored value read as a detail, or null when it is not one (a document may hold anything). */
export function readToolDetail(v: unknown): ToolDetail | null {
  const checked = checkToolDetail(v);
  return checked.ok ? checked.value : null;
}
