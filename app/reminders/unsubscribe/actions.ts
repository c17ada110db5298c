"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/app/_server/action";
import { unsubscribeReminders } from "@/lib/reminders/unsubscribe-reminders";

/**
 * "Yes, stop them": the signed token is the only credential (no sign-in — the person may have no
 * session on this device). An invalid token changes nothing and shows the same page again.
 */
export const confirmUnsubscribe = formAction({ auth: "none" }, async (_ctx, form) => {
  const { kind } = await unsubscribeReminders(form.get("t"));
  redirect(`/reminders/unsubscribe?done=${kind}`);
});
