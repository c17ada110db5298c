import { getDb } from "@/db/client";
import { upsertStaffUser } from "@/db/queries/users";
import { normalizeEmail } from "./normalize-email";

export type StaffUser = { id: string; email: string; name: string | null; staffRole: string };

/** "mette.sorensen@x" → "Mette Sorensen": a readable name until the person's real one is set. */
export function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

/** Make sure one caseworker account exists (idempotent; an existing role and name are kept). */
export async function provisionCaseworker(input: { email: string; name?: string | null }): Promise<StaffUser> {
  const email = normalizeEmail(input.email);
  if (!email) throw new Error(`not an e-mail address: ${input.email}`);
  const row = await upsertStaffUser(await getDb(), { email, name: input.name?.trim() || nameFromEmail(email), staffRole: "caseworker" });
  return { id: row.id, email: row.email ?? email, name: row.name, staffRole: row.staffRole ?? "caseworker" };
}
