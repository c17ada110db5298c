"use server";

import { action } from "@/app/_server/action";
import { eraseCaseAsAdmin } from "@/lib/personal-data/erase-case-as-admin";

/** Who (staff session; lib checks the admin role and the organisation) → what (zod, in lib) → erase. */
export const eraseCaseAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData) => {
  const done = await eraseCaseAsAdmin({
    actor,
    raw: { caseId: form.get("caseId"), reason: form.get("reason"), confirm: form.get("confirm") },
  });
  return { agreements: done.agreements };
});
