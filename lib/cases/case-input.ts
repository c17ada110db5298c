import { z } from "zod";
import { TRACKS } from "../plan/track";
import { ZIsoDate } from "./case-lifecycle-input";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .nullish()
    .transform((v) => v || null);

/**
 * A new case: the employee's name, the track, and the employer (required while employed; for the
 * unemployed track it may name a host company or stay empty), the organisation's case reference and
 * the first day of sick leave. No health information is asked for.
 */
export const ZNewCase = z
  .object({
    employeeName: z.string({ message: "required" }).trim().min(1, "required").max(200, "tooLong"),
    track: z.enum(TRACKS, { message: "required" }),
    employer: optionalText(200),
    /** The organisation's own case number (sagsnummer / saksnummer), as their system writes it. */
    reference: optionalText(100),
    /** The first day of sick leave; optional (not every case starts from sick leave). */
    sickLeaveStart: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? null : v),
      ZIsoDate.nullish().transform((v) => v ?? null),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.track === "employed" && !v.employer) ctx.addIssue({ code: "custom", path: ["employer"], message: "requiredWhenEmployed" });
  });

export type NewCaseInput = z.infer<typeof ZNewCase>;
