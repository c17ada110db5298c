import { z } from "zod";
import type { PlanTool } from "./tools";

/**
 * The details of one of the law's tools in a plan: whether it is in use or only under
 * consideration, and what each tool needs said about it (seeds 002 and 004; issue 17). A tool's
 * detail is one small JSON value in the shared document (last writer wins per tool), so the same
 * zod schema checks what a person enters and reads what a document holds.
 */
export const TOOL_STATUSES = ["in_use", "considering"] as const;
export type ToolStatus = (typeof TOOL_STATUSES)[number];

/** The fields a detail can hold; TOOL_FIELDS says which each tool shows. */
export const DETAIL_FIELDS = ["place", "hoursPerWeek", "from", "to", "what", "approved", "years", "note"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const toolDetailSchema = z.strictObject({
  status: z.enum(TOOL_STATUSES),
  /** virksomhedspraktik / arbeidstrening: where. */
  place: z.string().max(200).optional(),
  /** hours a week (internship, mentor hours, personal assistance). */
  hoursPerWeek: z.number().min(0).max(80).nullable().optional(),
  from: isoDate.nullable().optional(),
  to: isoDate.nullable().optional(),
  /** hjælpemidler / hjelpemidler: what. */
  what: z.string().max(500).optional(),
  /** §56: approved by the job centre (null: not yet decided). */
  approved: z.boolean().nullable().optional(),
  /** ressourceforløb: 1–5 years at a time. */
  years: z.number().int().min(1).max(5).nullable().optional(),
  note: z.string().max(500).optional(),
});
export type ToolDetail = z.infer<typeof toolDetailSchema>;

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
  const parsed = toolDetailSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
}
