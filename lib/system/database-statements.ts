import { getDatabase } from "@/db/client";

/**
 * A reader of how many statements this process has sent to its database (db/client.ts
 * `statements()`), for /metrics: `rate(stepwise_db_statements_total[1m])` shows what the traffic
 * costs the database, e.g. a reconnect storm's joins (issue 19). Bound to the handle open now, so a
 * scrape during shutdown never opens the database again.
 */
export async function databaseStatementCounter(): Promise<() => number> {
  const handle = await getDatabase();
  return () => handle.statements();
}
