import type PgBoss from "pg-boss";
import { JOB_SCHEMA } from "../job-schema";

/** pg-boss's own tables, read through pg-boss's connection (they are not in our drizzle schema). */

export async function countWaitingJobs(db: PgBoss.Db): Promise<number> {
  const { rows } = await db.executeSql(`select count(*)::int as n from ${JOB_SCHEMA}.job where state in ('created', 'retry')`, []);
  return Number((rows[0] as { n: number | string } | undefined)?.n ?? 0);
}

export type FailedJobRow = {
  id: string;
  name: string;
  retry_count: number;
  output: { message?: string } | null;
  created_on: Date;
  completed_on: Date | null;
};

export async function listFailedJobRows(db: PgBoss.Db, limit: number): Promise<FailedJobRow[]> {
  const { rows } = await db.executeSql(
    `select id, name, retry_count, output, created_on, completed_on from ${JOB_SCHEMA}.job where state = 'failed' order by completed_on desc nulls last limit $1`,
    [limit],
  );
  return rows as FailedJobRow[];
}
