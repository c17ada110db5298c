import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapOrganisation } from "../organisations/bootstrap-organisation";
import { findUserByEmail, upsertStaffUser } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { normalizeEmail, parseEmailList } from "./normalize-email";
import { provisionCaseworker } from "./provision-caseworker";
import { provisionCaseworkersFromEnv } from "./provision-caseworkers-from-env";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe("provisionCaseworkersFromEnv", () => {
  it("creates a caseworker account for each listed address, normalised, ignoring what is not an address", async () => {
    const r = await provisionCaseworkersFromEnv(" Anne.Holm@Kommune.example, bo@kommune.example;bo@KOMMUNE.example  not-an-address ");
    expect(r.provisioned).toEqual(["anne.holm@kommune.example", "bo@kommune.example"]);
    expect(r.invalid).toEqual(["not-an-address"]);
    const anne = await findUserByEmail(tdb.handle.db, "anne.holm@kommune.example");
    expect(anne).toMatchObject({ staffRole: "caseworker", name: "Anne Holm" });
    expect(await findUserByEmail(tdb.handle.db, "bo@kommune.example")).toMatchObject({ staffRole: "caseworker" });
  });

  it("is idempotent and never downgrades a role or overwrites a name", async () => {
    await upsertStaffUser(tdb.handle.db, {
      email: "lead@kommune.example",
      name: "Lea Leder",
      staffRole: "admin",
      organisationId: (await bootstrapOrganisation(tdb.handle.db)).id,
    });
    const first = await provisionCaseworker({ email: "lead@kommune.example" });
    const second = await provisionCaseworker({ email: "LEAD@kommune.example", name: "Someone Else" });
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ staffRole: "admin", name: "Lea Leder" });
  });

  it("does nothing without the variable", async () => {
    expect(await provisionCaseworkersFromEnv(undefined)).toEqual({ provisioned: [], invalid: [] });
  });
});

describe("normalizeEmail", () => {
  it("accepts one plain address and refuses tricks", () => {
    expect(normalizeEmail(" Mette@Jobcenter.EXAMPLE ")).toBe("mette@jobcenter.example");
    expect(normalizeEmail("a@b@c.example")).toBeNull();
    expect(normalizeEmail('"evil@x.example"@victim.example')).toBeNull();
    expect(normalizeEmail("evil\uFF20x.example")).toBe("evil@x.example");
    expect(normalizeEmail(42)).toBeNull();
    expect(parseEmailList("").emails).toEqual([]);
  });
});
