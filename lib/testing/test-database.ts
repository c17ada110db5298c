import { openDatabase, setDatabase, closeDatabase, type DbHandle } from "@/db/client";
import { ALL_ORGANISATIONS } from "@/db/organisation-scope";
import type { OutsideScope } from "@/db/scoped-clients";
import { createScratchDatabase, runAsOwner } from "@/db/scratch-database";
import { stopJobRunner } from "../jobs/job-runner";

/**
 * A fresh, migrated database for one test file: a new database on the real PostgreSQL when
 * DATABASE_URL is set (dropped afterwards), else an in-memory PGlite. It becomes the process's
 * database, so lib/ code under test uses it through getDb().
 *
 * On PostgreSQL it is set up as production should be (docs/database-roles.md): migrated by its
 * own owner role, and used by an application role that may not update, delete or disable the
 * evidence. `ownerUrl` is there for a test that needs the owner's rights (changing a table, or
 * playing an attacker who has them); PGlite has a single role, so there both are null.
 *
 * Its statements outside any organisation's scope see every organisation (`outsideScope`): a unit
 * test's fixtures act as the operator. The application's own handle sees nothing there (default
 * deny); a test of that, or of an edge that must enter its organisation itself, opens with
 * `outsideScope: NO_ORGANISATION` and makes its fixtures in `withAllOrganisations`
 * (server/collab/organisation-scope.test.ts, lib/system/job-scope.test.ts).
 */
export type TestDatabase = {
  handle: DbHandle;
  url: string | null;
  ownerUrl: string | null;
  /** Runs SQL (one statement or several) with the owner's rights (on PGlite: the only role there is). */
  asOwner(statement: string): Promise<void>;
  drop(): Promise<void>;
};

export async function createTestDatabase(opts: { outsideScope?: OutsideScope } = {}): Promise<TestDatabase> {
  const outsideScope = opts.outsideScope ?? ALL_ORGANISATIONS;
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await openDatabase({ inMemory: true, outsideScope });
    setDatabase(handle);
    return {
      handle,
      url: null,
      ownerUrl: null,
      asOwner: (statement) => handle.execScript(statement),
      async drop() {
        await stopJobRunner();
        await closeDatabase();
      },
    };
  }
  const scratch = await createScratchDatabase(base, "stepwise_test");
  const handle = await openDatabase({ databaseUrl: scratch.appUrl, ownerUrl: scratch.ownerUrl, outsideScope });
  setDatabase(handle);
  return {
    handle,
    url: scratch.appUrl,
    ownerUrl: scratch.ownerUrl,
    asOwner: (statement) => runAsOwner(scratch.ownerUrl, statement),
    async drop() {
      await stopJobRunner();
      await closeDatabase();
      await scratch.drop();
    },
  };
}

/** The process's database on a server the test runs itself (e.g. one it stops and starts): migrated, as one role. */
export async function useDatabaseAt(url: string): Promise<{ close(): Promise<void> }> {
  setDatabase(await openDatabase({ databaseUrl: url }));
  return { close: () => closeDatabase() };
}
