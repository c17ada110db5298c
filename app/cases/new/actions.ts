"use server";

import { redirect } from "next/navigation";
import { currentStaff } from "@/app/_server/auth";
import { openCase } from "@/lib/cases/open-case";
import { actionError } from "../_lib/action-error";
import type { ActionResult } from "../_lib/action-result";

/** Who (staff session) → what (zod, in lib) → do (open the case) → answer: its page, or the errors. */
export async function createCaseAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  let id: string;
  try {
    const staff = await currentStaff();
    const created = await openCase({
      staffUserId: staff?.userId,
      raw: { employeeName: form.get("employeeName"), track: form.get("track"), employer: form.get("employer") },
    });
    id = created.id;
  } catch (e) {
    return actionError(e);
  }
  redirect(`/cases/${id}`);
}
