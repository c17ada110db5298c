import { getDb } from "@/db/client";
import type { CaseRow } from "@/db/queries/cases";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { listActiveParticipants } from "@/db/queries/participants";
import { listProgressOfCase } from "@/db/queries/progress-entries";
import {
  claimReminder,
  findParticipantLanguage,
  listCasesToRemind,
  listReminderUnsubscribes,
  releaseReminder,
  setReminderOutbox,
} from "@/db/queries/reminders";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { caseMeasurePrivacy } from "../agreements/case-measure-privacy";
import { caseLawDeadlines } from "../deadlines/case-law-deadlines";
import { publicUrl } from "../env";
import { isLocale, type Locale } from "../i18n/locales";
import { queueMail } from "../mail/queue-mail";
import { errorFields, logger } from "../log/logger";
import { organisationOfCase } from "../organisations/organisation-of-case";
import type { Country } from "../organisation/country";
import { can } from "../permissions";
import { mayRecordValue } from "../privacy/measure-privacy";
import { dateInZone } from "../time/zoned";
import { dueReminders, type DueReminder, type ReminderCase } from "./due-reminders";
import { renderReminderEmail } from "./render-reminder-email";
import { unsubscribeToken } from "./unsubscribe-token";

const log = logger("reminders");

/** The language of someone who never chose one: their case's organisation's country's. */
function fallbackLocale(country: Country): Locale {
  return country === "NO" ? "nb" : "da";
}

async function reminderCase(c: CaseRow, country: Country, now: Date): Promise<ReminderCase> {
  const db = await getDb();
  const [people, meetings, agreements, entries] = await Promise.all([
    listActiveParticipants(db, c.id),
    listMeetingsOfCases(db, [c.id]),
    loadCaseAgreements(c.id),
    listProgressOfCase(db, c.id),
  ]);
  const binding = bindingOf(agreements);
  const privacyOf = await caseMeasurePrivacy(c.id, agreements);
  const lastEntryOn = new Map<string, string>();
  for (const e of entries) if ((lastEntryOn.get(e.subGoalId) ?? "") < e.measuredOn) lastEntryOn.set(e.subGoalId, e.measuredOn);
  return {
    caseId: c.id,
    participants: people.map((p) => ({ id: p.id, role: p.role, email: p.email })),
    meetings,
    binding: binding?.sealedAt ? { content: binding.content, sealedOn: dateInZone(binding.sealedAt) } : null,
    lastEntryOn,
    mayRecord: (role, subGoalId) => can(role, "write", "progress") && mayRecordValue(role, privacyOf(subGoalId)),
    deadlines: caseLawDeadlines({ sickLeaveStart: c.sickLeaveStart, country, meetings, agreements, now }).deadlines,
  };
}

/**
 * The `reminders.scan` job (at start and every hour): every reminder due now, each sent once. A
 * person gets one mail per scan whatever is due (the mail says only that something is), with an
 * unsubscribe link per kind; kinds they unsubscribed from and people without an address are
 * skipped. Each reminder is claimed in reminders_sent before its mail is queued, so two scans at
 * once, or a scan after a restart, never send it twice; a mail that could not be queued gives its
 * claims back for the next scan. Returns how many mails were queued.
 */
export async function scanReminders(opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const db = await getDb();
  const base = publicUrl();
  let mails = 0;
  for (const c of await listCasesToRemind(db)) {
    // A closed case (its outcome recorded) has nothing due any more.
    if (c.state === "closed") continue;
    let rc: ReminderCase;
    let organisation: { name: string; country: Country };
    try {
      organisation = await organisationOfCase(c.id);
      rc = await reminderCase(c, organisation.country, now);
    } catch (e) {
      // One unreadable case must not stop everyone else's reminders.
      log.error("a case could not be scanned for reminders", { caseId: c.id, ...errorFields(e) });
      continue;
    }
    const byPerson = new Map<string, DueReminder[]>();
    for (const r of dueReminders(rc, now)) byPerson.set(r.participantId, [...(byPerson.get(r.participantId) ?? []), r]);
    for (const [participantId, due] of byPerson) {
      const person = rc.participants.find((p) => p.id === participantId);
      if (!person?.email) continue;
      const off = new Set(await listReminderUnsubscribes(db, participantId));
      const claimed: DueReminder[] = [];
      for (const r of due) if (!off.has(r.kind) && (await claimReminder(db, r))) claimed.push(r);
      if (claimed.length === 0) continue;
      const chosen = await findParticipantLanguage(db, participantId);
      const locale = isLocale(chosen) ? chosen : fallbackLocale(organisation.country);
      const kinds = [...new Set(claimed.map((r) => r.kind))];
      const mail = renderReminderEmail({
        to: person.email,
        locale,
        organisation: organisation.name,
        link: kinds.length === 1 && kinds[0] === "deadline" ? `${base}/cases/deadlines` : `${base}/me`,
        kinds: kinds.map((kind) => ({ kind, unsubscribeUrl: `${base}/reminders/unsubscribe?t=${unsubscribeToken(participantId, kind)}` })),
      });
      try {
        // Not tied to the participant: that column is the invitation's mail state shown beside them.
        const outboxId = await queueMail(mail);
        for (const r of claimed) await setReminderOutbox(db, r, outboxId);
        mails++;
      } catch (e) {
        for (const r of claimed) await releaseReminder(db, r);
        throw e;
      }
    }
  }
  log.info("reminders scanned", { mails });
  return mails;
}
