import PgBoss from "pg-boss";
import { getDatabase } from "@/db/client";
import { JOB_SCHEMA, type JobQueue } from "@/db/job-schema";
import { countWaitingJobs, listFailedJobRows } from "@/db/queries/jobs";
import { errorFields, logger } from "../log/logger";

const log = logger("jobs");

/** What a job does: throw to have it retried (with backoff), until its retries are spent. */
export type JobHandler = (data: unknown, attempt: { retryCount: number; retryLimit: number }) => Promise<void>;

/**
 * Retries: 5 more tries, the first after RETRY_DELAY_SECONDS, each wait doubling (pg-boss's
 * retryBackoff), so a mail server that is down for a few minutes does not lose a message.
 */
export const RETRY_LIMIT = 5;
export const RETRY_DELAY_SECONDS = 20;
/** Failed jobs are the dead letters an administrator looks at: keep them, not pg-boss's default week. */
const KEEP_FAILED_SECONDS = 90 * 24 * 3600;

type Holder = { boss?: Promise<PgBoss>; working: boolean };
// One runner per process, shared by Next's bundle and the tsx-loaded server (like db/client.ts).
const holder = ((globalThis as { __stepwiseJobs?: Holder }).__stepwiseJobs ??= { working: false });

/** The process's pg-boss, started on first use (sending needs it; working is work-jobs.ts). */
export function jobRunner(): Promise<PgBoss> {
  holder.boss ??= (async () => {
    const { jobConnection } = await getDatabase();
    const boss = new PgBoss({
      ...jobConnection,
      schema: JOB_SCHEMA,
      max: 2,
      // The schema and queues are made with the migrations, as the owner (db/job-schema.ts).
      migrate: false,
      schedule: false,
      archiveFailedAfterSeconds: KEEP_FAILED_SECONDS,
    });
    boss.on("error", (e: unknown) => log.error("job runner error", errorFields(e)));
    await boss.start();
    return boss;
  })();
  return holder.boss;
}

/** True the first time it is called in this process (so workers are started once). */
export function claimWorking(): boolean {
  if (holder.working) return false;
  holder.working = true;
  return true;
}

/**
 * Queue a job. `key` makes it idempotent: it becomes the job's id, and a second job with the same
 * key is not added (pg-boss inserts with ON CONFLICT DO NOTHING). Returns whether it was added.
 */
export async function enqueueJob(queue: JobQueue, data: object, key: string): Promise<boolean> {
  const boss = await jobRunner();
  const id = await boss.send(queue, data, { id: key, retryLimit: RETRY_LIMIT, retryDelay: RETRY_DELAY_SECONDS, retryBackoff: true });
  return id !== null;
}

/** Stop working and close pg-boss's connections (before the database is closed). */
export async function stopJobRunner(): Promise<void> {
  const boss = holder.boss;
  holder.boss = undefined;
  holder.working = false;
  if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: 5000 });
}

/** Jobs waiting to run (new and waiting to retry): the /metrics gauge `stepwise_job_queue_depth`. */
export async function jobQueueDepth(): Promise<number> {
  return countWaitingJobs((await jobRunner()).getDb());
}

export type FailedJob = { id: string; queue: string; retries: number; error: string | null; createdAt: Date; failedAt: Date | null };

/**
 * The dead letters: jobs whose every retry failed, newest first (for the admin page). A job's data
 * holds ids only (a mail job: its outbox row), so listing them shows no personal data.
 */
export async function listFailedJobs(limit = 100): Promise<FailedJob[]> {
  const rows = await listFailedJobRows((await jobRunner()).getDb(), limit);
  return rows.map((r) => ({
    id: r.id,
    queue: r.name,
    retries: r.retry_count,
    error: r.output?.message ?? null,
    createdAt: new Date(r.created_on),
    failedAt: r.completed_on ? new Date(r.completed_on) : null,
  }));
}
