import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { cases, organisations } from "../schema";

/** The `organisations` table: tenants (job centres, NAV offices). */

export type OrganisationRow = typeof organisations.$inferSelect;
export type Organisation = Pick<OrganisationRow, "id" | "name" | "country">;

export async function insertOrganisation(db: Db, input: typeof organisations.$inferInsert): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(input).returning();
  return row!;
}

/** Every organisation's id, oldest first (a job that works each organisation in its own scope). */
export async function listOrganisationIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).orderBy(organisations.createdAt, organisations.id);
  return rows.map((r) => r.id);
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** The organisation a case belongs to (null for an unknown case). */
export async function findOrganisationOfCase(db: Db, caseId: string): Promise<Organisation | null> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, country: organisations.country })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}

const FROM_ENVIRONMENT = sql`${organisations.settings}->>'fromEnvironment' = 'true'`;

/** The organisation whose name and country come from the environment (see ensureBootstrapOrganisation). */
export async function findBootstrapOrganisation(db: Db): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(FROM_ENVIRONMENT);
  return row ?? null;
}

/** Create it unless it exists (a unique index allows one; two starts at once create it once). */
export async function insertBootstrapOrganisation(db: Db, input: Organisation | Omit<Organisation, "id">): Promise<void> {
  await db
    .insert(organisations)
    .values({ ...input, settings: { fromEnvironment: true } })
    .onConflictDoNothing();
}

export async function updateOrganisation(db: Db, id: string, input: Partial<Omit<Organisation, "id">>): Promise<void> {
  await db.update(organisations).set(input).where(eq(organisations.id, id));
}

/** The organisations whose settings hold `key` (e.g. their staff IdP, their eID broker), with those settings. */
export async function listOrganisationsWithSetting(db: Db, key: string): Promise<{ id: string; setting: unknown }[]> {
  const rows = await db
    .select({ id: organisations.id, setting: sql<unknown>`${organisations.settings}->${key}` })
    .from(organisations)
    .where(sql`${organisations.settings} ? ${key}`);
  return rows;
}

/** One organisation's setting `key`, or null. */
export async function findOrganisationSetting(db: Db, id: string, key: string): Promise<unknown> {
  const [row] = await db
    .select({ setting: sql<unknown>`${organisations.settings}->${key}` })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.setting ?? null;
}

/** Set (or, with null, remove) one organisation's setting `key`, leaving the others as they are. */
export async function setOrganisationSetting(db: Db, id: string, key: string, value: unknown): Promise<void> {
  await db
    .update(organisations)
    .set({
      settings:
        value === null
          ? sql`${organisations.settings} - ${key}`
          : sql`jsonb_set(${organisations.settings}, array[${key}]::text[], ${JSON.stringify(value)}::jsonb)`,
    })
    .where(eq(organisations.id, id));
}
