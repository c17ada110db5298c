import { closeDatabase } from "@/db/client";

/** Close the process's database handle (SIGTERM path, after every pending write is committed). */
export async function shutdownDatabase(): Promise<void> {
  await closeDatabase();
}
