import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** Does the database answer a trivial query within `deadlineMs`? Throws (with why) when not: readiness. */
export async function pingDatabase(deadlineMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    await Promise.race([(async () => (await getDb()).execute(sql`select 1`))(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
