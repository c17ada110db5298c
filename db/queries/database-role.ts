import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { rowsOf } from "../raw-rows";
import { EVIDENCE_TABLES, GUARDED_TABLES } from "../roles";

export type DatabaseRoleFacts = {
  role: string;
  superuser: boolean;
  /** Evidence tables this role owns, or whose owner it is a member of (and so can disable their triggers). */
  ownsEvidence: string[];
  /** Evidence tables on which this role holds UPDATE (append-only ones), DELETE, TRUNCATE or TRIGGER on the whole table. */
  mayChangeEvidence: string[];
  /** May `SET session_replication_role` (which skips ordinary triggers). */
  maySkipTriggers: boolean;
};

/** What the connected role could do to the evidence, asked of the database itself. */
export async function readDatabaseRoleFacts(db: Db): Promise<DatabaseRoleFacts> {
  const list = (names: readonly string[]) => sql.raw(`array[${names.map((t) => `'${t}'`).join(",")}]::text[]`);
  const tables = list([...EVIDENCE_TABLES, ...GUARDED_TABLES]);
  const appendOnly = list(EVIDENCE_TABLES);
  const [row] = rowsOf<{ role: string; superuser: boolean; owns: string[] | null; writable: string[] | null; version: number }>(
    await db.execute(sql`
      select current_user as role,
             (select rolsuper from pg_roles where rolname = current_user) as superuser,
             (select array_agg(c.relname::text order by c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'public' and c.relname = any(${tables}) and pg_has_role(current_user, c.relowner, 'MEMBER')) as owns,
             (select array_agg(t order by t) from unnest(${tables}) t
               where to_regclass(t) is not null and ((t = any(${appendOnly}) and has_table_privilege(t, 'UPDATE')) or has_table_privilege(t, 'DELETE')
                 or has_table_privilege(t, 'TRUNCATE') or has_table_privilege(t, 'TRIGGER'))) as writable,
             current_setting('server_version_num')::int as version`),
  );
  const r = row!;
  let maySkipTriggers = r.superuser;
  if (!maySkipTriggers && r.version >= 150000) {
    // PostgreSQL 15 can grant SET on a superuser-only parameter to anyone.
    const [p] = rowsOf<{ may: boolean }>(await db.execute(sql`select has_parameter_privilege('session_replication_role', 'SET') as may`));
    maySkipTriggers = p?.may === true;
  }
  return { role: r.role, superuser: r.superuser, ownsEvidence: r.owns ?? [], mayChangeEvidence: r.writable ?? [], maySkipTriggers };
}
