import { getDb, type Db } from "@/db/client";
import { findBootstrapOrganisation, insertBootstrapOrganisation, updateOrganisation, type Organisation } from "@/db/queries/organisations";
import { env, publicUrl } from "../env";

/**
 * The organisation of an installation run as one job centre or NAV office: the demo's, the
 * staff in CASEWORKER_EMAILS', and every case and staff member from before organisations were
 * stored (migration 0010 made it for them). Its name and country are ORGANISATION_NAME (else the
 * public address's host: never an invented "Jobcenter") and ORGANISATION_COUNTRY (DK), read
 * again at every start, as they were before. Organisations made with `npm run admin -- org:create`
 * keep their own. Created on first need, so an installation run only through the CLI has none.
 */
export async function bootstrapOrganisation(db?: Db): Promise<Organisation> {
  const d = db ?? (await getDb());
  let made = cache.get(d);
  if (!made) {
    made = syncBootstrapOrganisation(d);
    cache.set(d, made);
    made.catch(() => cache.delete(d));
  }
  return made;
}

const cache = new WeakMap<Db, Promise<Organisation>>();

function fromEnvironment(): Omit<Organisation, "id"> {
  return { name: env().ORGANISATION_NAME ?? new URL(publicUrl()).host, country: env().ORGANISATION_COUNTRY };
}

/** Create it, or bring its name and country in line with the environment (at start; uncached). */
export async function syncBootstrapOrganisation(db: Db): Promise<Organisation> {
  const wanted = fromEnvironment();
  let row = await findBootstrapOrganisation(db);
  if (!row) {
    await insertBootstrapOrganisation(db, wanted);
    row = await findBootstrapOrganisation(db);
  }
  if (!row) throw new Error("could not create the bootstrap organisation");
  if (row.name !== wanted.name || row.country !== wanted.country) await updateOrganisation(db, row.id, wanted);
  return { id: row.id, ...wanted };
}
