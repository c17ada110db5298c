import { z } from "zod";
import { STAFF_ROLES } from "../access/actor";
import { normalizeEmail } from "../auth/normalize-email";

export const ZStaffRole = z.enum(STAFF_ROLES, { message: "enum" });

/** A new staff member: their work e-mail (how they sign in), their name, their role. */
export const ZNewStaff = z.object({
  email: z
    .string({ message: "required" })
    .trim()
    .min(1, "required")
    .transform((v, ctx) => {
      const email = normalizeEmail(v);
      if (!email) ctx.addIssue({ code: "custom", message: "invalidEmail" });
      return email ?? "";
    }),
  name: z.string({ message: "required" }).trim().min(1, "required").max(120, "tooLong"),
  role: ZStaffRole,
});

export type NewStaff = z.infer<typeof ZNewStaff>;
