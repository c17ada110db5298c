import type { JobQueue } from "@/db/job-schema";
import type { JobHandler } from "../jobs/job-runner";
import { sendQueuedMail } from "../mail/send-queued-mail";
import { scanReminders } from "../reminders/scan-reminders";

/** What each queue's jobs do. */
export const JOB_HANDLERS: Record<JobQueue, JobHandler> = {
  "mail.send": sendQueuedMail,
  "reminders.scan": async () => {
    await scanReminders();
  },
};
