import { closeDatabase } from "@/db/client";
import { stopJobRunner } from "../jobs/job-runner";

/**
 * Close the process's database handle (SIGTERM path, after every pending write is committed),
 * the job runner first: a job under way finishes (up to 5 s), and pg-boss lets go of its connections.
 */
export async function shutdownDatabase(): Promise<void> {
  await stopJobRunner();
  await closeDatabase();
}
