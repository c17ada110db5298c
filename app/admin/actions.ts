"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { action } from "@/app/_server/action";
import { publicUrl } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { setStaffActive } from "@/lib/staff/set-staff-active";

/*
 * The admin page's server actions, each through the one action wrapper (app/_server/action.ts):
 * origin → who (a staff session; lib asks for manage_staff in their own organisation) → do → answer.
 */

export const inviteStaffAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData) => {
  const locale = await getLocale();
  const added = await inviteStaff({
    actor,
    raw: { email: form.get("email"), name: form.get("name"), role: form.get("role") },
    baseUrl: publicUrl(),
    locale: isLocale(locale) ? locale : "da",
  });
  revalidatePath("/admin");
  return { name: added.name };
});

export const changeStaffRoleAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData) => {
  await changeStaffRole({ actor, raw: { staffId: form.get("staffId"), role: form.get("role") } });
  revalidatePath("/admin");
  return { role: String(form.get("role")) };
});

export const setStaffActiveAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData) => {
  const active = form.get("active") === "1";
  await setStaffActive({ actor, staffId: form.get("staffId"), active });
  revalidatePath("/admin");
  return { active };
});
