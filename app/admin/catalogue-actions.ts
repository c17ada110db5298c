"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { addOwnActivity } from "@/lib/organisations/add-own-activity";
import { addProvider } from "@/lib/organisations/add-provider";
import { changeOwnActivity } from "@/lib/organisations/change-own-activity";
import { removeOwnActivity } from "@/lib/organisations/remove-own-activity";
import { removeProvider } from "@/lib/organisations/remove-provider";
import { renameProvider } from "@/lib/organisations/rename-provider";

/*
 * The admin page's actions on the organisation's own catalogue, each through the one action
 * wrapper: origin → who (a staff session; lib asks for manage_catalogue in their own organisation)
 * → do → answer (the entry's name, for the confirmation).
 */

const providerOf = (form: FormData) => ({ name: form.get("name"), note: form.get("note") });
const activityOf = (form: FormData) => ({
  name: form.get("name"),
  kind: form.get("kind"),
  hoursPerWeek: form.get("hoursPerWeek"),
  atWorkplace: form.get("atWorkplace"),
  sensitive: form.get("sensitive"),
});

export const addProviderAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData) => {
  const added = await addProvider({ actor, raw: providerOf(form) });
  revalidatePath("/admin");
  return { name: added.name };
});

export const renameProviderAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData) => {
  const renamed = await renameProvider({ actor, providerId: form.get("id"), raw: providerOf(form) });
  revalidatePath("/admin");
  return { name: renamed.name };
});

export const removeProviderAction = action({ auth: "staff" }, async ({ actor }, providerId: string) => {
  await removeProvider({ actor, providerId });
  revalidatePath("/admin");
  return null;
});

export const addOwnActivityAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData) => {
  const added = await addOwnActivity({ actor, raw: activityOf(form) });
  revalidatePath("/admin");
  return { name: added.name };
});

export const changeOwnActivityAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData) => {
  const changed = await changeOwnActivity({ actor, activityId: form.get("id"), raw: activityOf(form) });
  revalidatePath("/admin");
  return { name: changed.name };
});

export const removeOwnActivityAction = action({ auth: "staff" }, async ({ actor }, activityId: string) => {
  await removeOwnActivity({ actor, activityId });
  revalidatePath("/admin");
  return null;
});
