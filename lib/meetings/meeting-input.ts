import { z } from "zod";
import { zonedToInstant } from "../time/zoned";

const optional = (max: number, code: string) =>
  z
    .string()
    .trim()
    .max(max, code)
    .nullish()
    .transform((v) => v || null);

/**
 * Schedule a meeting: title, date and time (Danish/Norwegian wall clock), duration, and a place
 * or a video link (at least one, so everyone knows where to be).
 */
export const ZScheduleMeeting = z
  .object({
    title: z.string({ message: "required" }).trim().min(1, "required").max(200, "tooLong"),
    date: z.string({ message: "required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "date"),
    time: z.string({ message: "required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time"),
    durationMinutes: z.coerce.number({ message: "duration" }).int("duration").min(15, "duration").max(480, "duration"),
    location: optional(300, "tooLong"),
    videoUrl: optional(500, "url").refine((v) => v === null || /^https:\/\/[^\s]+$/i.test(v), "url"),
  })
  .superRefine((v, ctx) => {
    if (!v.location && !v.videoUrl) ctx.addIssue({ code: "custom", path: ["location"], message: "placeOrVideo" });
    if (/^\d{4}-\d{2}-\d{2}$/.test(v.date)) {
      const d = new Date(`${v.date}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v.date) ctx.addIssue({ code: "custom", path: ["date"], message: "date" });
    }
  })
  .transform((v) => ({ ...v, startsAt: zonedToInstant(v.date, v.time) }));

export type ScheduleMeetingInput = z.infer<typeof ZScheduleMeeting>;
