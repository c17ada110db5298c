import { z } from "zod";

/** How a case can end (the `case_outcome` enum): back in full work, partly back, another job, education, left the labour market, other. */
export const CASE_OUTCOMES = ["full_return", "partial_return", "other_job", "education", "left_labour_market", "other"] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const CASE_STATES = ["open", "closed"] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** A calendar day as forms and the API send it (`YYYY-MM-DD`), and a real one (no 31 February). */
export const ZIsoDate = z
  .string({ message: "required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "invalidDate");

/** Closing: the outcome and the day the case ended (not a day still to come). */
export const ZCloseCase = z.object({
  outcome: z.enum(CASE_OUTCOMES, { message: "required" }),
  date: ZIsoDate,
});

/** Reopening says why: the history keeps the reason beside the close it undoes. */
export const ZReopenCase = z.object({
  reason: z.string({ message: "required" }).trim().min(1, "required").max(500, "tooLong"),
});

/** Handing over names the staff member who takes the case on. */
export const ZHandOverCase = z.object({
  toUserId: z.string({ message: "required" }).trim().min(1, "required").max(200, "tooLong"),
});
