"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { action } from "@/app/_server/action";
import { handOverCase } from "@/lib/cases/hand-over-case";
import { isLocale } from "@/lib/i18n/locales";

/** A team lead hands a case to another caseworker; the employee is told by e-mail (in the team lead's language). */
export const handOverAction = action(
  { auth: "staff" },
  async ({ actor, now }, caseId: string, _prev: unknown, form: FormData): Promise<{ told: number }> => {
    const locale = await getLocale();
    const r = await handOverCase({ actor, caseId, raw: { toUserId: form.get("toUserId") }, locale: isLocale(locale) ? locale : "da", now });
    revalidatePath("/cases");
    return { told: r.told };
  },
);
