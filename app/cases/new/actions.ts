"use server";

import { redirect } from "next/navigation";
import { action } from "@/app/_server/action";
import { openCase } from "@/lib/cases/open-case";

/** Who (staff session) → what (zod, in lib) → do (open the case) → answer: its page, or the errors. */
export const createCaseAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData): Promise<never> => {
  const created = await openCase({
    staffUserId: actor.userId,
    raw: {
      employeeName: form.get("employeeName"),
      track: form.get("track"),
      employer: form.get("employer"),
      reference: form.get("reference"),
      sickLeaveStart: form.get("sickLeaveStart"),
    },
  });
  redirect(`/cases/${created.id}`);
});
