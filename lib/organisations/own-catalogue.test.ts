import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganisation } from "@/db/organisation-scope";
import { listProvidersOf } from "@/db/queries/own-catalogue";
import type { StaffActor } from "../access/actor";
import { addStaff } from "../staff/add-staff";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addOwnActivity } from "./add-own-activity";
import { addProvider } from "./add-provider";
import { changeOwnActivity } from "./change-own-activity";
import { createOrganisation } from "./create-organisation";
import { listOwnCatalogue } from "./list-own-catalogue";
import { ownCatalogueOf } from "./own-catalogue-of";
import { removeOwnActivity } from "./remove-own-activity";
import { removeProvider } from "./remove-provider";
import { renameProvider } from "./rename-provider";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

async function staffOf(organisationId: string, role: StaffActor["roles"][number], email: string): Promise<StaffActor> {
  const s = await addStaff({ organisationId, raw: { email, name: email, role } });
  return {
    kind: "staff",
    userId: s.id,
    email,
    name: email,
    organisationId,
    roles: [role],
    authMethod: "email-link",
    authenticatedAt: new Date(),
  };
}

const psychologist = { name: "Samtaler hos Vejle Psykologhus", kind: "health", hoursPerWeek: "1,5", atWorkplace: null, sensitive: "on" };

describe("an organisation's own providers and activities", () => {
  let vejle: string;
  let nav: string;
  let admin: StaffActor;
  let otherAdmin: StaffActor;
  let caseworker: StaffActor;
  beforeAll(async () => {
    vejle = (await createOrganisation({ name: "Jobcenter Vejle", country: "DK" })).id;
    nav = (await createOrganisation({ name: "NAV Grünerløkka", country: "NO" })).id;
    admin = await staffOf(vejle, "admin", "ada@vejle.example");
    caseworker = await staffOf(vejle, "caseworker", "bo@vejle.example");
    otherAdmin = await staffOf(nav, "admin", "kari@nav.example");
  });

  it("adds, renames and removes a provider, offered to the room by name only", async () => {
    const added = await addProvider({ actor: admin, raw: { name: "  Hartmanns  ", note: "Tlf. 70 20 30 40" } });
    expect(added).toMatchObject({ name: "Hartmanns", note: "Tlf. 70 20 30 40" });
    await addProvider({ actor: admin, raw: { name: "Aktiv Fysioterapi", note: null } });
    expect((await ownCatalogueOf(vejle)).providers).toEqual(["Aktiv Fysioterapi", "Hartmanns"]);

    const renamed = await renameProvider({ actor: admin, providerId: added.id, raw: { name: "Hartmanns A/S", note: "" } });
    expect(renamed).toMatchObject({ id: added.id, name: "Hartmanns A/S", note: "" });

    await removeProvider({ actor: admin, providerId: added.id });
    expect((await listOwnCatalogue({ actor: admin })).providers.map((p) => p.name)).toEqual(["Aktiv Fysioterapi"]);
    await expect(removeProvider({ actor: admin, providerId: added.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("adds an activity with its defaults, changes it and removes it", async () => {
    const added = await addOwnActivity({ actor: admin, raw: psychologist });
    expect(added).toMatchObject({ name: psychologist.name, kind: "health", hoursPerWeek: 1.5, atWorkplace: false, sensitive: true });
    expect((await ownCatalogueOf(vejle)).activities).toEqual([added]);

    const changed = await changeOwnActivity({
      actor: admin,
      activityId: added.id,
      raw: { name: "Vejle Værkstedet", kind: "internship", hoursPerWeek: "", atWorkplace: "on", sensitive: null },
    });
    expect(changed).toEqual({
      id: added.id,
      name: "Vejle Værkstedet",
      kind: "internship",
      hoursPerWeek: null,
      atWorkplace: true,
      sensitive: false,
    });

    await removeOwnActivity({ actor: admin, activityId: added.id });
    expect((await ownCatalogueOf(vejle)).activities).toEqual([]);
  });

  it("says on each field what is wrong: no name, too long, no such kind, hours that are not a number or out of range", async () => {
    await expect(addOwnActivity({ actor: admin, raw: { name: " ", kind: "magic", hoursPerWeek: "mange" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { name: "required", kind: "enum", hoursPerWeek: "number" },
    });
    await expect(
      addOwnActivity({ actor: admin, raw: { ...psychologist, name: "x".repeat(121), hoursPerWeek: "81" } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { name: "tooLong", hoursPerWeek: "hoursRange" },
    });
    await expect(addProvider({ actor: admin, raw: { name: "", note: "n".repeat(501) } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { name: "required", note: "tooLong" },
    });
  });

  it("refuses a second entry of the same name in one organisation (whatever the case), not in another", async () => {
    await addProvider({ actor: admin, raw: { name: "Mentorhuset", note: "" } });
    await expect(addProvider({ actor: admin, raw: { name: "MENTORHUSET", note: "" } })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { name: "taken" },
    });
    const other = await addProvider({ actor: admin, raw: { name: "Mentorhuset Syd", note: "" } });
    await expect(renameProvider({ actor: admin, providerId: other.id, raw: { name: "mentorhuset", note: "" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(addProvider({ actor: otherAdmin, raw: { name: "Mentorhuset", note: "" } })).resolves.toMatchObject({
      name: "Mentorhuset",
    });

    const a = await addOwnActivity({ actor: admin, raw: { ...psychologist, name: "Jobklub" } });
    await expect(addOwnActivity({ actor: admin, raw: { ...psychologist, name: "jobklub" } })).rejects.toMatchObject({ code: "CONFLICT" });
    await removeOwnActivity({ actor: admin, activityId: a.id });
  });

  it("refuses staff who are not administrators (403), and another organisation's entries are not there (404)", async () => {
    const provider = await addProvider({ actor: admin, raw: { name: "Kun Vejle", note: "" } });
    const activity = await addOwnActivity({ actor: admin, raw: { ...psychologist, name: "Kun i Vejle" } });

    await expect(addProvider({ actor: caseworker, raw: { name: "Snuck in", note: "" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addOwnActivity({ actor: caseworker, raw: psychologist })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listOwnCatalogue({ actor: caseworker })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeProvider({ actor: caseworker, providerId: provider.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeOwnActivity({ actor: caseworker, activityId: activity.id, raw: psychologist })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await expect(
      renameProvider({ actor: otherAdmin, providerId: provider.id, raw: { name: "Taken over", note: "" } }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(removeProvider({ actor: otherAdmin, providerId: provider.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeOwnActivity({ actor: otherAdmin, activityId: activity.id, raw: psychologist })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(removeOwnActivity({ actor: otherAdmin, activityId: activity.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeOwnActivity({ actor: admin, activityId: "not-an-id" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listOwnCatalogue({ actor: otherAdmin })).providers.map((p) => p.name)).not.toContain("Kun Vejle");
    expect((await ownCatalogueOf(vejle)).providers).toContain("Kun Vejle");
  });

  it("keeps each organisation's list from a request acting for another in PostgreSQL too (row-level security)", async () => {
    await withOrganisation(nav, async () => {
      expect((await listProvidersOf(tdb.handle.db, vejle)).map((p) => p.name)).toEqual([]);
    });
    await withOrganisation(vejle, async () => {
      expect((await listProvidersOf(tdb.handle.db, vejle)).length).toBeGreaterThan(0);
    });
  });
});
