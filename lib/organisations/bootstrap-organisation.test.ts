import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findBootstrapOrganisation, insertOrganisation } from "@/db/queries/organisations";
import { resetEnvCache } from "../env";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { bootstrapOrganisation, syncBootstrapOrganisation } from "./bootstrap-organisation";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

function withEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}
afterEach(() => withEnv({ ORGANISATION_NAME: undefined, ORGANISATION_COUNTRY: undefined, PUBLIC_URL: undefined }));

describe("the bootstrap organisation", () => {
  it("is made once, on first need, from ORGANISATION_NAME and ORGANISATION_COUNTRY", async () => {
    await insertOrganisation(tdb.handle.db, { name: "Made by the CLI", country: "DK" });
    expect(await findBootstrapOrganisation(tdb.handle.db)).toBeNull();
    withEnv({ ORGANISATION_NAME: "NAV Grünerløkka", ORGANISATION_COUNTRY: "NO" });
    const [a, b] = await Promise.all([bootstrapOrganisation(tdb.handle.db), syncBootstrapOrganisation(tdb.handle.db)]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ name: "NAV Grünerløkka", country: "NO" });
  });

  it("follows the environment at the next start, and names the public host (never an invented name) without ORGANISATION_NAME", async () => {
    withEnv({ ORGANISATION_NAME: "", ORGANISATION_COUNTRY: undefined, PUBLIC_URL: "https://moede.kommune.dk" });
    const org = await syncBootstrapOrganisation(tdb.handle.db);
    expect(org).toMatchObject({ name: "moede.kommune.dk", country: "DK" });
    expect(await findBootstrapOrganisation(tdb.handle.db)).toMatchObject({ id: org.id, name: "moede.kommune.dk", country: "DK" });
  });
});
