import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganisation } from "@/db/organisation-scope";
import { insertParticipant } from "@/db/queries/participants";
import type { Actors, StaffActor } from "../access/actor";
import { resolveAccess } from "../access/resolve-access";
import { openCase } from "../cases/open-case";
import { requireCaseStaff } from "../cases/require-case-staff";
import { addStaff } from "../staff/add-staff";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createOrganisation } from "./create-organisation";
import { staffWho } from "../testing/actors";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

function staffActors(s: { id: string; organisationId: string; role: StaffActor["roles"][number] }): Actors {
  const staff: StaffActor = {
    kind: "staff",
    userId: s.id,
    email: null,
    name: null,
    organisationId: s.organisationId,
    roles: [s.role],
    authMethod: "email-link",
    authenticatedAt: new Date(),
  };
  return { participant: null, staff };
}

describe("two organisations side by side", () => {
  it("keeps each organisation's cases from the other's staff — in lib, and in PostgreSQL when lib's check is passed", async () => {
    const aarhus = await createOrganisation({ name: "Jobcenter Aarhus", country: "DK" });
    const oslo = await createOrganisation({ name: "NAV Grünerløkka", country: "NO" });
    const anne = await addStaff({ organisationId: aarhus.id, raw: { email: "anne@aarhus.example", name: "Anne", role: "caseworker" } });
    const kari = await addStaff({ organisationId: oslo.id, raw: { email: "kari@nav.example", name: "Kari", role: "caseworker" } });
    const kase = await withOrganisation(aarhus.id, () =>
      openCase({ staffUserId: anne.id, raw: { employeeName: "Kurt", track: "employed", employer: "Nordlager" } }),
    );
    const asKari = staffActors({ ...kari, role: "caseworker" });
    await expect(withOrganisation(oslo.id, () => resolveAccess(asKari, { caseId: kase.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Make lib's own check pass: Kari as a participant of Aarhus's case (a bug, or a bad import).
    await insertParticipant(tdb.handle.db, { caseId: kase.id, role: "caseworker", displayName: "Kari", userId: kari.id });
    await expect(withOrganisation(oslo.id, () => resolveAccess(asKari, { caseId: kase.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      withOrganisation(oslo.id, async () => requireCaseStaff({ who: await staffWho(kari.id), caseId: kase.id })),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // In Aarhus's scope Anne works her case as before.
    const { me } = await withOrganisation(aarhus.id, () =>
      resolveAccess(staffActors({ ...anne, role: "caseworker" }), { caseId: kase.id }),
    );
    expect(me).toMatchObject({ caseId: kase.id, role: "caseworker" });
  });

  it("gives an administrator no case content, even on a case they are a participant of, and no case to open", async () => {
    const org = await createOrganisation({ name: "Jobcenter Vejle", country: "DK" });
    const cw = await addStaff({ organisationId: org.id, raw: { email: "cw@vejle.example", name: "Cw", role: "caseworker" } });
    const admin = await addStaff({ organisationId: org.id, raw: { email: "admin@vejle.example", name: "Ad", role: "admin" } });
    await withOrganisation(org.id, async () => {
      const kase = await openCase({ staffUserId: cw.id, raw: { employeeName: "Bo", track: "unemployed" } });
      await insertParticipant(tdb.handle.db, { caseId: kase.id, role: "caseworker", displayName: "Ad", userId: admin.id });
      await expect(resolveAccess(staffActors({ ...admin, role: "admin" }), { caseId: kase.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(requireCaseStaff({ who: await staffWho(admin.id), caseId: kase.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(openCase({ staffUserId: admin.id, raw: { employeeName: "X", track: "unemployed" } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    });
  });
});
