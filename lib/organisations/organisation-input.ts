import { z } from "zod";
import { COUNTRIES } from "../organisation/country";

/** A new organisation: its name as people know it (printed on documents) and its country. */
export const ZNewOrganisation = z.object({
  name: z.string({ message: "required" }).trim().min(1, "required").max(200, "tooLong"),
  country: z.enum(COUNTRIES, { message: "enum" }),
});

export type NewOrganisation = z.infer<typeof ZNewOrganisation>;
