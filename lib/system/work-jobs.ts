import { JOB_QUEUES } from "@/db/job-schema";
import { randomUUID } from "node:crypto";
import { claimWorking, enqueueJob, jobRunner } from "../jobs/job-runner";
import { jobIdOf } from "../jobs/job-key";
import { JOB_HANDLERS } from "./job-handlers";

/** Start working every queue (server start-up). Polls each second: a sign-in link is not kept waiting. */
export async function startJobWorkers(): Promise<void> {
  if (!claimWorking()) return;
  const boss = await jobRunner();
  for (const queue of JOB_QUEUES) {
    await boss.work(queue, { pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
      if (job) await JOB_HANDLERS[queue](job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit });
    });
  }
  // At start always (a restart may follow a long time down), then once per hour.
  await enqueueJob("reminders.scan", {}, randomUUID());
  // unref: a pending hourly tick never keeps the process alive at shutdown.
  setInterval(() => void queueReminderScan().catch(() => {}), REMINDER_SCAN_EVERY_MS).unref();
}

/** Reminders are looked for at start and then every hour (lib/reminders/scan-reminders.ts). */
export const REMINDER_SCAN_EVERY_MS = 60 * 60 * 1000;

/**
 * Queue the scan for this hour. The hour is the job's key, so several instances (or a restart
 * within the hour) queue one scan; the scan itself sends each reminder once in any case.
 */
export async function queueReminderScan(now = new Date()): Promise<boolean> {
  return enqueueJob("reminders.scan", {}, jobIdOf(`reminders-scan-${now.toISOString().slice(0, 13)}`));
}

/**
 * Run, one at a time, every job that is due when this is called (tests; `ignoreStartAfter` also
 * runs jobs waiting out their backoff). A throw fails that try, as in the workers, and a retry
 * it causes waits for the next call. Returns how many ran.
 */
export async function runDueJobs(opts: { ignoreStartAfter?: boolean } = {}): Promise<number> {
  const boss = await jobRunner();
  let ran = 0;
  for (const queue of JOB_QUEUES) {
    const jobs =
      (await boss.fetch(queue, { batchSize: 100, includeMetadata: true, ignoreStartAfter: opts.ignoreStartAfter ?? false })) ?? [];
    for (const job of jobs) {
      ran++;
      try {
        await JOB_HANDLERS[queue](job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit });
        await boss.complete(queue, job.id);
      } catch (e) {
        await boss.fail(queue, job.id, { message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return ran;
}
