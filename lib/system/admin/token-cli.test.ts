import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identify } from "../../access/resolve-access";
import { anotherOrganisationId, homeOrganisationId } from "../../api/testing";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { runAdmin } from "./run-admin";

/** `npm run admin -- token:create | token:list | token:revoke`, run in-process against a test database. */
let tdb: TestDatabase;
let org: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  org = await homeOrganisationId();
});
afterAll(async () => {
  await tdb.drop();
});

async function admin(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("npm run admin -- token:…", () => {
  it('token:create prints exactly {"token":"…"}, a token that works until token:revoke', async () => {
    const made = await admin("token:create", "--org", org, "--name", "Fagsystem");
    expect(made.code).toBe(0);
    expect(made.out).toHaveLength(1);
    expect(made.out[0]).toMatch(/^\{"token":"stw_[A-Za-z0-9_-]{43}"\}$/);
    const { token } = JSON.parse(made.out[0]!) as { token: string };
    const system = (await identify({ apiToken: token })).system!;
    expect(system).toMatchObject({ organisationId: org, name: "Fagsystem" });

    const listed = await admin("token:list", "--org", org);
    expect(listed.code).toBe(0);
    expect(listed.out[0]).not.toContain(token.slice(4));
    expect((JSON.parse(listed.out[0]!) as { tokens: { id: string; name: string }[] }).tokens).toEqual([
      expect.objectContaining({ id: system.tokenId, name: "Fagsystem", revokedAt: null }),
    ]);

    expect((await admin("token:revoke", "--org", await anotherOrganisationId(), "--id", system.tokenId)).code).toBe(2);
    expect(await admin("token:revoke", "--org", org, "--id", system.tokenId)).toMatchObject({
      code: 0,
      out: [JSON.stringify({ revoked: system.tokenId })],
    });
    expect((await identify({ apiToken: token })).system).toBeNull();
    expect((await admin("token:revoke", "--org", org, "--id", system.tokenId)).code).toBe(1);
  });

  it("refuses wrong use with exit code 2 and prints no token", async () => {
    for (const argv of [
      ["token:create", "--org", org],
      ["token:create", "--name", "X"],
      ["token:create", "--org", "00000000-0000-4000-8000-000000000000", "--name", "X"],
      ["token:create", "--org", "nope", "--name", "X"],
    ]) {
      const run = await admin(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.out, argv.join(" ")).toEqual([]);
    }
  });
});
