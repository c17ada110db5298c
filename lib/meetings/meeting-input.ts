import { z } from "zod";
import { looksLikeDiagnosis } from "../privacy/diagnosis-guard";
import { zonedToInstant } from "../time/zoned";

const optional = (max: number, code: string) =>
  z
    .string()
    .trim()
    .max(max, code)
    .nullish()
    .transform((v) => v || null);

/** When and where: date and time (Danish/Norwegian wall clock), duration, a place or a video link. */
const whenAndWhere = {
  date: z.string({ message: "required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "date"),
  time: z.string({ message: "required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time"),
  durationMinutes: z.coerce.number({ message: "duration" }).int("duration").min(15, "duration").max(480, "duration"),
  location: optional(300, "tooLong"),
  videoUrl: optional(500, "url").refine((v) => v === null || /^https:\/\/[^\s]+$/i.test(v), "url"),
};

type WhenAndWhere = { date: string; location: string | null; videoUrl: string | null };

/** At least a place or a video link (so everyone knows where to be), and a date that exists. */
function checkWhenAndWhere(v: WhenAndWhere, ctx: z.RefinementCtx): void {
  if (!v.location && !v.videoUrl) ctx.addIssue({ code: "custom", path: ["location"], message: "placeOrVideo" });
  if (/^\d{4}-\d{2}-\d{2}$/.test(v.date)) {
    const d = new Date(`${v.date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v.date)
      ctx.addIssue({ code: "custom", path: ["date"], message: "date" });
  }
}

/** Schedule a meeting: a title, and when and where. */
export const ZScheduleMeeting = z
  .object({ title: z.string({ message: "required" }).trim().min(1, "required").max(200, "tooLong"), ...whenAndWhere })
  .superRefine(checkWhenAndWhere)
  .transform((v) => ({ ...v, startsAt: zonedToInstant(v.date, v.time) }));

/** Move a meeting: a new time, duration, place or video link (the title stays). */
export const ZRescheduleMeeting = z
  .object(whenAndWhere)
  .superRefine(checkWhenAndWhere)
  .transform((v) => ({ ...v, startsAt: zonedToInstant(v.date, v.time) }));

/**
 * Cancel a meeting, with a message to the invitees (optional). It is e-mailed, so it may not name
 * a diagnosis (checked with the diagnosis guard, lib/privacy).
 */
export const ZCancelMeeting = z.object({
  message: z
    .string()
    .trim()
    .max(1000, "tooLong")
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || !looksLikeDiagnosis(v), "healthInMail"),
});

export type ScheduleMeetingInput = z.infer<typeof ZScheduleMeeting>;
