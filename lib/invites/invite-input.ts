import { z } from "zod";
import { ROLES } from "../plan/roles";
import { normalizeEmail } from "../auth/normalize-email";

/** Invite a person: their role, their name as the others will see it, and an optional e-mail. */
export const ZInvite = z.object({
  role: z.enum(ROLES, { message: "required" }),
  displayName: z.string({ message: "required" }).trim().min(1, "required").max(120, "tooLong"),
  email: z
    .string()
    .trim()
    .max(254, "invalidEmail")
    .nullish()
    .transform((v, ctx) => {
      if (!v) return null;
      const e = normalizeEmail(v);
      if (!e) ctx.addIssue({ code: "custom", message: "invalidEmail" });
      return e;
    }),
});

export type InviteInput = z.infer<typeof ZInvite>;
