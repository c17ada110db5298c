"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { createApiToken } from "@/lib/api/create-api-token";
import { revokeApiToken } from "@/lib/api/revoke-api-token";

/*
 * The admin page's API-token actions, through the one action wrapper: origin → who (a staff
 * session; lib asks for an administrator of their own organisation) → do → answer. The same
 * use-cases as `npm run admin -- token:create / token:revoke`.
 */

/** Answers the token this once (only its hash is stored), for the page to show with its name. */
export const createApiTokenAction = action({ auth: "staff" }, async ({ actor }, _prev: unknown, form: FormData) => {
  const made = await createApiToken({ actor, raw: { name: form.get("name") } });
  revalidatePath("/admin");
  return { token: made.token, name: String(form.get("name") ?? "").trim() };
});

export const revokeApiTokenAction = action({ auth: "staff" }, async ({ actor, now }, _prev: unknown, form: FormData) => {
  const revoked = await revokeApiToken({ actor, tokenId: form.get("tokenId"), now });
  revalidatePath("/admin");
  return { name: revoked.name };
});
