import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type DbHandle } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { databaseRoleProblems, PrivilegedDatabaseRoleError } from "./check-database-role";
import { prepareData } from "./prepare-data";

/**
 * Issue 12, point 6: the documented DATABASE_URL ran as a superuser, which can switch off the
 * append-only guards. In production the server now refuses to start as such a role.
 */
let tdb: TestDatabase;
const extra: DbHandle[] = [];
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  setDatabase(tdb.handle);
  await Promise.all(extra.map((h) => h.close()));
  await tdb.drop();
});

/** The same database through another role's URL (no migrations run: none are pending). */
async function openAs(url: string): Promise<DbHandle> {
  const h = await openDatabase({ databaseUrl: url });
  extra.push(h);
  return h;
}

const prepare = () =>
  prepareData({ dataDir: ".test-data/vitest", baseUrl: "http://127.0.0.1", seedDemo: false, refusePrivilegedRole: true });

describe("the start-up check of the application's database role", () => {
  it("attack 12.6: refuses to start in production as a superuser, or as the owner of the evidence tables", async () => {
    if (!tdb.url) {
      // PGlite: one in-process user, a superuser by design, which the check names; the application's
      // statements run as the application's role (SET LOCAL ROLE, db/scoped-clients.ts), which is
      // neither — so the guards hold on the embedded database too.
      expect(await databaseRoleProblems(tdb.handle.ownerDb!)).toEqual([
        expect.stringMatching(/is a superuser/),
        expect.stringMatching(/owns .*agreement_events/),
      ]);
      expect(await databaseRoleProblems(tdb.handle.db)).toEqual([]);
      return;
    }
    const superuser = new URL(process.env.DATABASE_URL!);
    superuser.pathname = new URL(tdb.url).pathname;
    setDatabase(await openAs(superuser.toString()));
    await expect(prepare()).rejects.toThrow(PrivilegedDatabaseRoleError);
    await expect(prepare()).rejects.toThrow(/is a superuser/);

    setDatabase(await openAs(tdb.ownerUrl!));
    await expect(prepare()).rejects.toThrow(
      /owns \(or is a member of the owner of\) access_log, access_log_repeats, agreement_events, agreement_events_before_attestation, agreements/,
    );
  });

  it("starts as the application's role, with no warning about it", async () => {
    setDatabase(tdb.handle);
    if (!tdb.url) return expect(tdb.handle.kind).toBe("pglite");
    expect(await databaseRoleProblems(tdb.handle.db)).toEqual([]);
    const data = await prepare();
    expect(data.warnings.filter((w) => w.includes("evidence guards"))).toEqual([]);
  });

  it("only warns when told not to refuse (development, or ALLOW_PRIVILEGED_DATABASE_ROLE=1)", async () => {
    if (!tdb.url) return expect(tdb.handle.kind).toBe("pglite");
    setDatabase(await openAs(tdb.ownerUrl!));
    const data = await prepareData({
      dataDir: ".test-data/vitest",
      baseUrl: "http://127.0.0.1",
      seedDemo: false,
      refusePrivilegedRole: false,
    });
    expect(data.warnings).toContainEqual(expect.stringMatching(/could switch off the evidence guards/));
    setDatabase(tdb.handle);
  });
});
