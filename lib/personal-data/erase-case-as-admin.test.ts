import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { findCaseErasure } from "@/db/queries/erasure";
import { findOrganisationOfCase } from "@/db/queries/organisations";
import type { StaffActor } from "../access/actor";
import { useTempDataDir } from "../auth/testing";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { eraseCaseAsAdmin } from "./erase-case-as-admin";

/** Issue 16: an administrator erases a case of their organisation from the admin page, with a reason. */

let tdb: TestDatabase;
let fx: FixtureCase;
let admin: StaffActor;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
  fx = await createFixtureCase();
  const org = await findOrganisationOfCase(await getDb(), fx.caseId);
  admin = {
    kind: "staff",
    userId: "admin-1",
    email: "admin@kommune.example",
    name: "Admin",
    roles: ["admin"],
    organisationId: org!.id,
    authenticatedAt: new Date(),
    authMethod: "email-link",
  } as StaffActor;
});
afterAll(async () => {
  await tdb.drop();
});

const form = (o: Record<string, unknown>) => ({ caseId: fx.caseId, reason: "Anmodning om sletning (art. 17)", confirm: "yes", ...o });

describe("eraseCaseAsAdmin", () => {
  it("refuses a caseworker, a missing reason or confirmation, and a case of another organisation — and erases nothing", async () => {
    await expect(eraseCaseAsAdmin({ actor: { ...admin, roles: ["caseworker"] }, raw: form({}) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(eraseCaseAsAdmin({ actor: admin, raw: form({ reason: "  " }) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { reason: "required" },
    });
    await expect(eraseCaseAsAdmin({ actor: admin, raw: form({ confirm: null }) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { confirm: "confirm" },
    });
    await expect(eraseCaseAsAdmin({ actor: admin, raw: form({ caseId: "nope" }) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { caseId: "notFound" },
    });
    await expect(eraseCaseAsAdmin({ actor: admin, raw: form({ caseId: randomUUID() }) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(eraseCaseAsAdmin({ actor: { ...admin, organisationId: randomUUID() }, raw: form({}) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await findCase(await getDb(), fx.caseId)).not.toBeNull();
  });

  it("erases the case and records which administrator did, by id", async () => {
    expect(await eraseCaseAsAdmin({ actor: admin, raw: form({}) })).toMatchObject({ caseId: fx.caseId });
    expect(await findCase(await getDb(), fx.caseId)).toBeNull();
    expect(await findCaseErasure(await getDb(), fx.caseId)).toMatchObject({
      erasedBy: "admin:admin-1",
      reason: "Anmodning om sletning (art. 17)",
    });
  });
});
