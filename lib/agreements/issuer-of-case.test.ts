import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCase } from "@/db/queries/cases";
import { insertOrganisation } from "@/db/queries/organisations";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { issuerOfCase } from "./issuer-of-case";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe("issuerOfCase", () => {
  it("names the case's own organisation and a short, stable reference from the case id", async () => {
    const nav = await insertOrganisation(tdb.handle.db, { name: "NAV Grünerløkka", country: "NO" });
    const aarhus = await insertOrganisation(tdb.handle.db, { name: "Jobcenter Aarhus", country: "DK" });
    const id = "3f2a9c1e-7b4d-4e2a-9f00-123456789abc";
    await insertCase(tdb.handle.db, { id, organisationId: nav.id, employeeName: "Kari", track: "employed" });
    const other = await insertCase(tdb.handle.db, { organisationId: aarhus.id, employeeName: "Kurt", track: "employed" });
    expect(await issuerOfCase({ caseId: id })).toEqual({ organisationName: "NAV Grünerløkka", caseReference: "3F2A9C1E" });
    expect((await issuerOfCase({ caseId: other.id })).organisationName).toBe("Jobcenter Aarhus");
  });
});
