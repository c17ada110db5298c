import { z } from "zod";

export const NOTE_MAX = 280;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * One progress entry as typed on a phone: which measure, the day, the value (a decimal comma is
 * fine: "6,5"), a short note. Messages are codes ("required", "number" …) that the edge shows
 * in the reader's language. The range and "not in the future" are checked against the agreed
 * measure and the clock by recordProgress.
 */
export const ZProgressInput = z.object({
  subGoalId: z.string({ message: "required" }).trim().min(1, "required").max(100, "unknown"),
  date: z.string({ message: "required" }).trim().min(1, "required").regex(ISO_DATE, "date").refine(isRealDate, "date"),
  value: z.union([z.number(), z.string()], { message: "required" }).transform((v, ctx) => {
    const s = typeof v === "number" ? String(v) : v.trim().replace(/\s/g, "").replace(",", ".");
    if (s === "") {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    const n = Number(s);
    if (!/^-?\d+(\.\d+)?$/.test(s) || !Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: "number" });
      return z.NEVER;
    }
    return n;
  }),
  note: z
    .string()
    .trim()
    .max(NOTE_MAX, "tooLong")
    .nullish()
    .transform((v) => v || null),
});

export type ProgressInput = z.infer<typeof ZProgressInput>;
