import PgBoss from "pg-boss";
import { quoteIdent } from "./roles";

/** pg-boss keeps its jobs in this schema, beside ours (docs/decisions.md, "Job runner"). */
export const JOB_SCHEMA = "pgboss";

/**
 * Every queue the application uses. pg-boss gives each queue its own partition of the job table,
 * which only the table's owner may attach, so queues are created here, with the migrations, as
 * the owner — the application's role then only reads and writes jobs.
 */
export const JOB_QUEUES = ["mail.send", "reminders.scan"] as const;
export type JobQueue = (typeof JOB_QUEUES)[number];

/** How pg-boss reaches the database: node-postgres on PostgreSQL, or our PGlite connection. */
export type JobConnection = { connectionString: string } | { db: PgBoss.Db };

/** pg-boss's schema and queues, created or upgraded (idempotent; under pg-boss's own advisory lock). */
export async function prepareJobSchema(connection: JobConnection, appRole?: string): Promise<void> {
  const boss = new PgBoss({ ...connection, schema: JOB_SCHEMA, max: 1, supervise: false, schedule: false, migrate: true });
  // start() and the calls below throw their own errors; with no supervisor nothing runs in the background.
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of JOB_QUEUES) if (!(await boss.getQueue(name))) await boss.createQueue(name);
    if (appRole) {
      const role = quoteIdent(appRole);
      const exec = (sql: string) => (boss.getDb() as PgBoss.Db).executeSql(sql, []);
      await exec(
        [
          `grant usage on schema ${JOB_SCHEMA} to ${role}`,
          `grant select, insert, update, delete on all tables in schema ${JOB_SCHEMA} to ${role}`,
          `grant usage, select on all sequences in schema ${JOB_SCHEMA} to ${role}`,
          `grant execute on all functions in schema ${JOB_SCHEMA} to ${role}`,
        ].join("; "),
      );
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** PGlite as pg-boss's `db`: parameterised statements one at a time, scripts (migrations) whole. */
export function pgliteJobDb(client: {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[] }[]>;
}): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}
