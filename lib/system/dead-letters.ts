import { z } from "zod";
import { JOB_QUEUES, type JobQueue } from "@/db/job-schema";
import type { StaffActor } from "../access/actor";
import { AppError } from "../errors";
import { jobRunner, listFailedJobs, type FailedJob } from "../jobs/job-runner";

/** Who may see and retry failed jobs: an administrator (the job runner serves every organisation). */
export function mayManageJobs(actor: Pick<StaffActor, "roles">): boolean {
  return actor.roles.includes("admin");
}

/**
 * Jobs a second chance can help. A mail job cannot be retried by hand: once its last try failed
 * its body — which held a live link — was erased, so the caseworker sends the invitation again.
 */
const RETRYABLE: readonly JobQueue[] = ["reminders.scan"];

export type DeadLetter = FailedJob & { retryable: boolean };

/** An error as the page shows it: e-mail addresses (a mail server names the recipient) left out. */
function withoutAddresses(error: string | null): string | null {
  return error ? error.replace(/[^\s<>"']+@[^\s<>"']+/g, "[…]").slice(0, 500) : null;
}

/** The dead letters, newest first: ids, queue, tries and the error — a job's data holds ids only. */
export async function listDeadLetters(actor: StaffActor): Promise<DeadLetter[]> {
  if (!mayManageJobs(actor)) throw new AppError("FORBIDDEN", "administrators only");
  return (await listFailedJobs()).map((j) => ({
    ...j,
    error: withoutAddresses(j.error),
    retryable: RETRYABLE.includes(j.queue as JobQueue),
  }));
}

const retryInput = z.object({ queue: z.enum(JOB_QUEUES), id: z.uuid() });

/** Run a failed job again (pg-boss puts it back as `retry`); NOT_FOUND unless it is a failed, retryable job. */
export async function retryDeadLetter(actor: StaffActor, raw: unknown): Promise<void> {
  if (!mayManageJobs(actor)) throw new AppError("FORBIDDEN", "administrators only");
  const parsed = retryInput.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "not a job", { id: "invalid" });
  const { queue, id } = parsed.data;
  const boss = await jobRunner();
  const job = await boss.getJobById(queue, id);
  if (!job || job.state !== "failed" || !RETRYABLE.includes(queue)) throw new AppError("NOT_FOUND", "no such failed job");
  await boss.retry(queue, id);
}
