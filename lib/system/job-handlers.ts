import type { JobQueue } from "@/db/job-schema";
import type { JobHandler } from "../jobs/job-runner";
import { sendQueuedMail } from "../mail/send-queued-mail";
import { scanReminders } from "../reminders/scan-reminders";
import { eraseExpiredCases } from "../personal-data/erase-expired-cases";
import { runHousekeeping } from "../personal-data/run-housekeeping";

/** What each queue's jobs do. */
export const JOB_HANDLERS: Record<JobQueue, JobHandler> = {
  "mail.send": sendQueuedMail,
  "reminders.scan": async () => {
    await scanReminders();
  },
  "data.housekeeping": async () => {
    await runHousekeeping();
  },
  "data.retention": async () => {
    await eraseExpiredCases();
  },
};
