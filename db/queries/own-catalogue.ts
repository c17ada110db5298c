import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { organisationActivities, organisationProviders } from "../schema";

/**
 * The tables `organisation_providers` and `organisation_activities`: an organisation's own
 * additions to the activity catalogue. Every function names the organisation, so a row of
 * another organisation is "not there" (and row-level security says the same underneath).
 * A write that would give two rows of one organisation the same name (case-insensitive)
 * answers "taken" instead of throwing.
 */

export type ProviderRow = Pick<typeof organisationProviders.$inferSelect, "id" | "name" | "note">;
export type ActivityRow = Pick<
  typeof organisationActivities.$inferSelect,
  "id" | "name" | "kind" | "hoursPerWeek" | "atWorkplace" | "sensitive"
>;
type ProviderValues = Omit<ProviderRow, "id">;
type ActivityValues = Omit<ActivityRow, "id">;

const provider = { id: organisationProviders.id, name: organisationProviders.name, note: organisationProviders.note };
const activity = {
  id: organisationActivities.id,
  name: organisationActivities.name,
  kind: organisationActivities.kind,
  hoursPerWeek: organisationActivities.hoursPerWeek,
  atWorkplace: organisationActivities.atWorkplace,
  sensitive: organisationActivities.sensitive,
};

/** A unique index said no (PostgreSQL's and PGlite's error, or drizzle's wrapper around it). */
function isUniqueViolation(e: unknown): boolean {
  const code = (x: unknown) => (x && typeof x === "object" && "code" in x ? (x as { code: unknown }).code : undefined);
  return code(e) === "23505" || code((e as { cause?: unknown })?.cause) === "23505";
}

async function unlessTaken<T>(write: () => Promise<T | undefined>): Promise<T | "taken" | null> {
  try {
    return (await write()) ?? null;
  } catch (e) {
    if (isUniqueViolation(e)) return "taken";
    throw e;
  }
}

export async function listProvidersOf(db: Db, organisationId: string): Promise<ProviderRow[]> {
  return db
    .select(provider)
    .from(organisationProviders)
    .where(eq(organisationProviders.organisationId, organisationId))
    .orderBy(asc(sql`lower(${organisationProviders.name})`));
}

export async function insertProvider(db: Db, organisationId: string, values: ProviderValues): Promise<ProviderRow | "taken"> {
  const row = await unlessTaken(
    async () =>
      (
        await db
          .insert(organisationProviders)
          .values({ organisationId, ...values })
          .returning(provider)
      )[0],
  );
  return row ?? "taken";
}

/** null: no such provider in this organisation. */
export async function updateProvider(
  db: Db,
  organisationId: string,
  id: string,
  values: ProviderValues,
): Promise<ProviderRow | "taken" | null> {
  return unlessTaken(
    async () =>
      (
        await db
          .update(organisationProviders)
          .set(values)
          .where(and(eq(organisationProviders.organisationId, organisationId), eq(organisationProviders.id, id)))
          .returning(provider)
      )[0],
  );
}

export async function deleteProvider(db: Db, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(organisationProviders)
    .where(and(eq(organisationProviders.organisationId, organisationId), eq(organisationProviders.id, id)))
    .returning({ id: organisationProviders.id });
  return rows.length > 0;
}

export async function listActivitiesOf(db: Db, organisationId: string): Promise<ActivityRow[]> {
  return db
    .select(activity)
    .from(organisationActivities)
    .where(eq(organisationActivities.organisationId, organisationId))
    .orderBy(asc(sql`lower(${organisationActivities.name})`));
}

export async function insertActivity(db: Db, organisationId: string, values: ActivityValues): Promise<ActivityRow | "taken"> {
  const row = await unlessTaken(
    async () =>
      (
        await db
          .insert(organisationActivities)
          .values({ organisationId, ...values })
          .returning(activity)
      )[0],
  );
  return row ?? "taken";
}

/** null: no such activity in this organisation. */
export async function updateActivity(
  db: Db,
  organisationId: string,
  id: string,
  values: ActivityValues,
): Promise<ActivityRow | "taken" | null> {
  return unlessTaken(
    async () =>
      (
        await db
          .update(organisationActivities)
          .set(values)
          .where(and(eq(organisationActivities.organisationId, organisationId), eq(organisationActivities.id, id)))
          .returning(activity)
      )[0],
  );
}

export async function deleteActivity(db: Db, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(organisationActivities)
    .where(and(eq(organisationActivities.organisationId, organisationId), eq(organisationActivities.id, id)))
    .returning({ id: organisationActivities.id });
  return rows.length > 0;
}
