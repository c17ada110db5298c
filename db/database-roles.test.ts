import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type Db, type DbHandle } from "./client";
import { readDatabaseRoleFacts } from "./queries/database-role";
import { grantApplicationRole, quoteIdent } from "./roles";
import * as schema from "./schema";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";
import { ALL_ORGANISATIONS } from "./organisation-scope";

/**
 * Issue 12, point 6: the database's guards of the evidence (append-only triggers) must hold
 * against the application itself. The application runs as a role that owns nothing: it cannot
 * disable a trigger, skip triggers with session_replication_role, or UPDATE/DELETE evidence.
 *
 * On PostgreSQL (DATABASE_URL) with real login roles, as production runs; on PGlite (one
 * in-process server) the same grants with SET ROLE, so both paths run everywhere.
 */
type Session = {
  /** Runs a statement as the application's role. */
  asApp(statement: string): Promise<unknown>;
  /** Runs a statement as the owner of the tables. */
  asOwner(statement: string): Promise<unknown>;
  app: Db;
  close(): Promise<void>;
};

async function openSession(): Promise<Session> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const scratch: ScratchDatabase = await createScratchDatabase(base, "stepwise_roles");
    const handle: DbHandle = await openDatabase({
      databaseUrl: scratch.appUrl,
      ownerUrl: scratch.ownerUrl,
      outsideScope: ALL_ORGANISATIONS,
    });
    const app = postgres(scratch.appUrl, { max: 1, onnotice: () => {} });
    const owner = postgres(scratch.ownerUrl, { max: 1, onnotice: () => {} });
    return {
      // In every organisation's scope: row-level security is not what these attacks test.
      asApp: (s) => app.unsafe(`select set_config('stepwise.organisation_id', '*', false); ${s}`),
      asOwner: (s) => owner.unsafe(s),
      app: handle.db,
      async close() {
        await Promise.all([app.end(), owner.end(), handle.close()]);
        await scratch.drop();
      },
    };
  }
  const client = new PGlite();
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  await client.exec(`create role stepwise_app_test`);
  await grantApplicationRole((s) => client.exec(s), "stepwise_app_test");
  const asApp = async (s: string) => {
    await client.exec(`set role ${quoteIdent("stepwise_app_test")}; select set_config('stepwise.organisation_id', '*', false)`);
    try {
      return await client.exec(s);
    } finally {
      await client.exec("reset role; reset session_replication_role");
    }
  };
  return { asApp, asOwner: (s) => client.exec(s), app: db as unknown as Db, close: () => client.close() };
}

async function refused(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err as Error,
  );
  expect(e, "the statement should have been refused").not.toBeNull();
  return e!.message;
}

let s: Session;
let agreementId: string;
beforeAll(async () => {
  s = await openSession();
  await s.asOwner(`insert into organisations (id, name, country) values ('00000000-0000-4000-8000-0000000000aa', 'Test', 'DK')`);
  await s.asOwner(
    `insert into cases (id, organisation_id, employee_name, track) values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000aa', 'X', 'employed')`,
  );
  await s.asOwner(
    `insert into agreements (id, case_id, version, canonical, fingerprint, required_signers) values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 1, '\\x7b7d', 'f', '{employee}')`,
  );
  await s.asOwner(
    `insert into agreement_events (agreement_id, seq, type, at, hash, data) values ('00000000-0000-4000-8000-000000000002', 1, 'prepared', now(), 'h', '\\x7b7d')`,
  );
  agreementId = "00000000-0000-4000-8000-000000000002";
});
afterAll(async () => {
  await s.close();
});

describe("the application's database role", () => {
  it("attack 12.6: as the application's role, SET session_replication_role = replica is refused", async () => {
    expect(await refused(s.asApp("set session_replication_role = replica"))).toMatch(/permission denied/);
  });

  it("attack 12.6: as the application's role, ALTER TABLE … DISABLE TRIGGER is refused on every evidence table", async () => {
    for (const table of ["agreement_events", "agreements", "access_log", "agreement_events_before_attestation", "access_log_repeats"]) {
      expect(await refused(s.asApp(`alter table ${table} disable trigger all`))).toMatch(/must be owner/);
    }
  });

  it("attack 12.6: as the application's role, evidence cannot be updated, deleted, truncated or given a trigger", async () => {
    for (const stmt of [
      `update agreement_events set hash = 'x'`,
      `delete from agreement_events`,
      `truncate agreement_events cascade`,
      `update agreements set canonical = '\\x5b5d'`,
      `delete from access_log`,
      `delete from access_log_repeats`,
      `insert into agreement_events_before_attestation (event_id) select id from agreement_events`,
      `create trigger t before insert on agreement_events for each row execute function stepwise_refuse_change()`,
    ]) {
      expect(await refused(s.asApp(stmt)), stmt).toMatch(/permission denied|must be owner/);
    }
  });

  it("issue 16: as the application's role, the erasure's marker opens nothing, and its record cannot be written by hand", async () => {
    // A session-wide marker (a transaction's would be lost with the refused statement's rollback).
    await s.asApp(`select set_config('stepwise.erasing_case', '00000000-0000-4000-8000-000000000001', false)`);
    try {
      for (const stmt of [`delete from access_log`, `delete from agreement_events`, `delete from agreements`]) {
        expect(await refused(s.asApp(stmt)), stmt).toMatch(/permission denied/);
      }
    } finally {
      await s.asApp(`select set_config('stepwise.erasing_case', '', false)`);
    }
    const insert = `insert into case_erasures (case_id, reason, erased_by, case_created_at, agreements, access_log_rows) values (gen_random_uuid(), 'x', 'cli', now(), '[]', 0)`;
    expect(await refused(s.asApp(insert))).toMatch(/permission denied/);
    // The access log's retention never reaches back less than 180 days, whoever asks.
    expect(await refused(s.asApp(`select stepwise_purge_access_log(now() - interval '30 days')`))).toMatch(/at least 180 days/);
    expect(await refused(s.asApp(`select stepwise_erase_case('00000000-0000-4000-8000-000000000001', ' ', 'cli')`))).toMatch(
      /needs a reason/,
    );
    expect(await refused(s.asApp(`select stepwise_erase_case('00000000-0000-4000-8000-0000000000ff', 'why', 'cli')`))).toMatch(/no case/);
  });

  it("still lets the application append evidence and seal an agreement once", async () => {
    await s.asApp(
      `insert into agreement_events (agreement_id, seq, type, at, hash, data) values ('${agreementId}', 2, 'signed', now(), 'h2', '\\x7b7d')`,
    );
    await s.asApp(
      `update agreements set sealed_at = now(), seal_kid = 'k', seal_signature = 's', chain_head = 'h2' where id = '${agreementId}'`,
    );
    expect(await refused(s.asApp(`update agreements set seal_signature = 'other' where id = '${agreementId}'`))).toMatch(
      /sealed agreement cannot change/,
    );
    expect(
      await refused(
        s.asApp(
          `insert into agreement_events (agreement_id, seq, type, at, hash, data) values ('${agreementId}', 3, 'signed', now(), 'h3', '\\x7b7d')`,
        ),
      ),
    ).toMatch(/sealed; no further events/);
  });

  it("is reported as it is: not a superuser, owns no evidence, may change none of it", async () => {
    const facts = await readDatabaseRoleFacts(s.app);
    if (process.env.DATABASE_URL) {
      expect(facts).toMatchObject({ superuser: false, ownsEvidence: [], mayChangeEvidence: [], maySkipTriggers: false });
    } else {
      // PGlite is one user, a superuser: the start-up check does not apply there (docs/database-roles.md).
      expect(facts).toMatchObject({ superuser: true });
    }
  });
});

describe("the guards themselves", () => {
  it("fire even for the owner under session_replication_role = replica (ENABLE ALWAYS)", async () => {
    if (process.env.DATABASE_URL) {
      // The owner is no superuser either, so it cannot set the parameter at all.
      expect(await refused(s.asOwner("set session_replication_role = replica"))).toMatch(/permission denied/);
      return;
    }
    await s.asOwner("set session_replication_role = replica");
    try {
      expect(await refused(s.asOwner(`update agreement_events set hash = 'x'`))).toMatch(/append-only/);
      expect(
        await refused(
          s.asOwner(
            `insert into agreements (case_id, version, canonical, fingerprint, required_signers, sealed_at) values ('00000000-0000-4000-8000-000000000001', 9, '\\x7b7d', 'f', '{x}', now())`,
          ),
        ),
      ).toMatch(/inserted unsealed/);
    } finally {
      await s.asOwner("reset session_replication_role");
    }
  });
});

describe("erasure (issue 16)", () => {
  it("as the application's role, stepwise_erase_case removes the case with its evidence and leaves its record", async () => {
    await s.asApp(`select stepwise_erase_case('00000000-0000-4000-8000-000000000001', 'retention ended', 'retention')`);
    const left = (await s.asOwner(
      `select (select count(*) from agreements)::int + (select count(*) from agreement_events)::int + (select count(*) from cases)::int as n, (select count(*) from case_erasures)::int as erasures`,
    )) as unknown;
    const row = (Array.isArray(left) ? ((left as { rows?: unknown[] }[]).at(-1)?.rows?.[0] ?? left[0]) : null) as {
      n: number;
      erasures: number;
    };
    expect(row).toMatchObject({ n: 0, erasures: 1 });
  });
});
