import { z } from "zod";
import { OWN_ACTIVITY_NAME_MAX } from "../plan/activity-catalogue";
import { OWN_ACTIVITY_KINDS } from "../plan/own-activity";

/*
 * The admin page's forms for the organisation's own providers and activities, as zod schemas
 * whose messages are codes (the page shows them in the reader's language, beside the field).
 * They take what a form posts: text, "" for an empty number, "on" for a ticked checkbox.
 */

const name = z.string({ message: "required" }).trim().min(1, "required").max(OWN_ACTIVITY_NAME_MAX, "tooLong");

/** A ticked checkbox posts "on"; an unticked one posts nothing. */
const ticked = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** Hours a week: empty is "not set"; a Danish or Norwegian decimal comma is a decimal point. */
const hours = z.preprocess(
  (v) =>
    v === null || v === undefined || (typeof v === "string" && v.trim() === "")
      ? null
      : typeof v === "string"
        ? Number(v.trim().replace(",", "."))
        : v,
  z.number({ message: "number" }).min(0, "hoursRange").max(80, "hoursRange").nullable(),
);

export const ZOwnId = z.string({ message: "required" }).uuid("notFound");

export const ZProvider = z.object({
  name,
  note: z.preprocess((v) => v ?? "", z.string().trim().max(500, "tooLong")),
});
export type ProviderInput = z.infer<typeof ZProvider>;

export const ZOwnActivity = z.object({
  name,
  kind: z.enum(OWN_ACTIVITY_KINDS, { message: "enum" }),
  hoursPerWeek: hours,
  atWorkplace: ticked,
  sensitive: ticked,
});
export type OwnActivityInput = z.infer<typeof ZOwnActivity>;
