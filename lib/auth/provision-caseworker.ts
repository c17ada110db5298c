import { getDb } from "@/db/client";
import { upsertStaffUser } from "@/db/queries/users";
import { normalizeEmail } from "./normalize-email";
import { bootstrapOrganisation } from "../organisations/bootstrap-organisation";

export type StaffUser = { id: string; email: string; name: string | null; staffRole: string; organisationId: string };

/** "mette.sorensen@x" → "Mette Sorensen": a readable name until the person's real one is set. */
export function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

/**
 * Make sure one caseworker account exists (idempotent; an existing role, name and organisation
 * are kept). Without `organisationId`, in the bootstrap organisation (CASEWORKER_EMAILS, the demo).
 */
export async function provisionCaseworker(input: { email: string; name?: string | null; organisationId?: string }): Promise<StaffUser> {
  const email = normalizeEmail(input.email);
  if (!email) throw new Error(`not an e-mail address: ${input.email}`);
  const db = await getDb();
  const organisationId = input.organisationId ?? (await bootstrapOrganisation(db)).id;
  const row = await upsertStaffUser(db, {
    email,
    name: input.name?.trim() || nameFromEmail(email),
    staffRole: "caseworker",
    organisationId,
  });
  return {
    id: row.id,
    email: row.email ?? email,
    name: row.name,
    staffRole: row.staffRole ?? "caseworker",
    organisationId: row.organisationId ?? organisationId,
  };
}
