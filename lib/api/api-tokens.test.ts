import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens } from "@/db/schema";
import type { StaffActor, StaffRole } from "../access/actor";
import { identify } from "../access/resolve-access";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import { anotherOrganisationId, homeOrganisationId } from "./testing";

/** An organisation's API tokens: high-entropy, stored as a SHA-256 only, named, revocable, one organisation each. */
let tdb: TestDatabase;
let home: string;
let orgA: string;
let orgB: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  home = await homeOrganisationId();
  orgA = await anotherOrganisationId("NAV Grünerløkka");
  orgB = await anotherOrganisationId("Jobcenter Vejle");
});
afterAll(async () => {
  await tdb.drop();
});

describe("API tokens", () => {
  it("are 256 random bits shown once; the database keeps only their SHA-256", async () => {
    const a = await createApiToken({ organisationId: home, raw: { name: "Case system" } });
    const b = await createApiToken({ organisationId: home, raw: { name: "Case system" } });
    expect(a.token).toMatch(/^stw_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    const rows = await tdb.handle.db.select().from(apiTokens);
    const row = rows.find((r) => r.id === a.tokenId)!;
    expect(Buffer.from(row.tokenHash).toString("hex")).toBe(createHash("sha256").update(a.token, "utf8").digest("hex"));
    const stored = JSON.stringify(rows.map((r) => ({ ...r, tokenHash: Buffer.from(r.tokenHash).toString("base64url") })));
    expect(stored).not.toContain(a.token.slice(4));
    expect(stored).not.toContain(b.token.slice(4));
  });

  it("prove a system of their organisation until revoked; the list names them without any secret", async () => {
    const made = await createApiToken({ organisationId: orgA, raw: { name: "Fagsystem" } });
    const system = (await identify({ apiToken: made.token })).system;
    expect(system).toMatchObject({ kind: "system", organisationId: orgA, name: "Fagsystem", tokenId: made.tokenId });
    const listed = await listApiTokens({ organisationId: orgA });
    expect(listed).toEqual([expect.objectContaining({ id: made.tokenId, name: "Fagsystem", revokedAt: null })]);
    expect(Object.keys(listed[0]!)).not.toContain("tokenHash");
    expect(listed[0]!.lastUsedAt).not.toBeNull();

    await expect(revokeApiToken({ organisationId: orgB, tokenId: made.tokenId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeApiToken({ organisationId: orgA, tokenId: made.tokenId });
    expect((await identify({ apiToken: made.token })).system).toBeNull();
    expect((await listApiTokens({ organisationId: orgA }))[0]!.revokedAt).not.toBeNull();
  });

  it("refuse a name or organisation that is missing, and anything not shaped like a token unread", async () => {
    await expect(createApiToken({ organisationId: home, raw: { name: " " } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { name: "required" },
    });
    for (const organisationId of ["not-an-id", "00000000-0000-4000-8000-000000000000"]) {
      await expect(createApiToken({ organisationId, raw: { name: "X" } })).rejects.toMatchObject({
        code: "NOT_FOUND",
        details: { org: "notFound" },
      });
    }
    expect((await identify({ apiToken: "Bearer nonsense" })).system).toBeNull();
  });

  it("an administrator makes, lists and revokes their own organisation's tokens, as the CLI does; no other role may", async () => {
    const admin = (organisationId: string, roles: StaffRole[] = ["admin"]): StaffActor => ({
      kind: "staff",
      userId: "staff-1",
      email: "anne@jobcenter.example",
      name: "Anne",
      organisationId,
      roles,
      authMethod: "email-link",
      authenticatedAt: new Date(),
    });
    const made = await createApiToken({ actor: admin(orgB), raw: { name: "Sagsoverblik" } });
    expect((await identify({ apiToken: made.token })).system).toMatchObject({ organisationId: orgB, name: "Sagsoverblik" });
    expect((await listApiTokens({ actor: admin(orgB) })).map((t) => t.name)).toEqual(["Sagsoverblik"]);
    // Another organisation's administrator neither sees nor revokes it.
    expect((await listApiTokens({ actor: admin(orgA) })).map((t) => t.id)).not.toContain(made.tokenId);
    await expect(revokeApiToken({ actor: admin(orgA), tokenId: made.tokenId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const roles of [["caseworker"], ["team_lead"]] as StaffRole[][]) {
      await expect(createApiToken({ actor: admin(orgB, roles), raw: { name: "X" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listApiTokens({ actor: admin(orgB, roles) })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(revokeApiToken({ actor: admin(orgB, roles), tokenId: made.tokenId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createApiToken({ actor: admin(orgB), raw: { name: "x".repeat(101) } })).rejects.toMatchObject({
      details: { name: "tooLong" },
    });
    await expect(revokeApiToken({ actor: admin(orgB), tokenId: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await revokeApiToken({ actor: admin(orgB), tokenId: made.tokenId })).toMatchObject({ name: "Sagsoverblik" });
    await expect(revokeApiToken({ actor: admin(orgB), tokenId: made.tokenId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { id: "revokedAlready" },
    });
    expect((await identify({ apiToken: made.token })).system).toBeNull();
  });
});
