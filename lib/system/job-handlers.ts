import type { JobQueue } from "@/db/job-schema";
import { withAllOrganisations } from "@/db/organisation-scope";
import type { JobHandler } from "../jobs/job-runner";
import { sendQueuedMail } from "../mail/send-queued-mail";
import { scanReminders } from "../reminders/scan-reminders";
import { eraseExpiredCases } from "../personal-data/erase-expired-cases";
import { runHousekeeping } from "../personal-data/run-housekeeping";
import { forEachOrganisation } from "../organisations/for-each-organisation";

/**
 * What each queue's jobs do, and in which organisation's scope (row-level security): a job runs in
 * none, where it would see no case data, so each says where it works.
 */
export const JOB_HANDLERS: Record<JobQueue, JobHandler> = {
  // In the mail's own organisation (send-queued-mail.ts looks it up).
  "mail.send": sendQueuedMail,
  // Each organisation's cases in its own scope, one organisation after another.
  "reminders.scan": async () => {
    await forEachOrganisation(() => scanReminders());
  },
  // Across organisations on purpose: expired sessions, links and old access-log rows go by age
  // alone, under one retention for the whole installation (the environment's settings).
  "data.housekeeping": async () => {
    await withAllOrganisations(() => runHousekeeping());
  },
  // Across organisations on purpose: each organisation's own retention period is in the one query
  // that finds the closed cases past theirs (listCasesPastRetention), and each is erased by id.
  "data.retention": async () => {
    await withAllOrganisations(() => eraseExpiredCases());
  },
};
