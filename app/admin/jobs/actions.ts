"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_server/action";
import { retryDeadLetter } from "@/lib/system/dead-letters";

/** "Retry" on the failed-jobs page: an administrator runs a failed job again. */
export const retryJob = formAction({ auth: "staff" }, async ({ actor }, form) => {
  await retryDeadLetter(actor, { queue: form.get("queue"), id: form.get("id") });
  revalidatePath("/admin/jobs");
});
