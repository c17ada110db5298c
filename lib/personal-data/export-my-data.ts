import { getDb } from "@/db/client";
import { listCaseEvents } from "@/db/queries/case-events";
import { findCase } from "@/db/queries/cases";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { findParticipant, listAllParticipantsOfCase } from "@/db/queries/participants";
import { readParticipantTrail } from "@/db/queries/personal-data";
import type { Me } from "../access/actor";
import { whoOf } from "../agreements/access-actor";
import { loadCaseAgreements } from "../agreements/case-agreements";
import { exportAgreementPdf } from "../agreements/export-agreement-pdf";
import { recordAccess } from "../audit/record-access";
import { listAccessLog, type AccessLogEntry } from "../audit/list-access-log";
import { loadDocument } from "../collab-store/load-document";
import { meetingDocName, prepDocName } from "../collab/doc-names";
import { readPrepDoc } from "../collab/prep-read";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { listCaseProgress } from "../progress/list-case-progress";
import { renderExportSummary } from "./export-summary";
import { zipFiles } from "./zip-files";

export type MyDataExport = { bytes: Buffer; fileName: string };

/**
 * GDPR Art. 15 (access) and 20 (portability): everything Stepwise holds about the employee for
 * their case, as a zip — a readable summary in their language (summary.html), and JSON of the
 * case, each meeting's plan, the agreement versions, progress, their private preparation, their
 * invitations (links, uses, answers, mail) and the access log, plus each agreement as a PDF.
 *
 * Only the employee: the case is about them. Of other people it holds only what the employee
 * already sees in Stepwise (names and roles on the case, who did what in the plan and who saw the
 * case), never another person's e-mail address, links, sessions, answers or devices. Recorded in
 * the access log (data_export) before it is handed over.
 */
export async function exportMyData(input: { me: Me; locale: Locale; baseUrl: string; now: Date }): Promise<MyDataExport> {
  const { me } = input;
  if (me.role !== "employee") throw new AppError("FORBIDDEN", "the export is the employee's own copy of their case");
  const db = await getDb();
  const [kase, self, people, meetings, events] = await Promise.all([
    findCase(db, me.caseId),
    findParticipant(db, me.participantId),
    listAllParticipantsOfCase(db, me.caseId),
    listMeetingsOfCases(db, [me.caseId]),
    listCaseEvents(db, me.caseId),
  ]);
  if (!kase || !self) throw new AppError("NOT_FOUND", "no such case");

  const plans = [];
  for (const m of meetings) {
    const loaded = await loadDocument(meetingDocName(m.id));
    if (!loaded) continue;
    plans.push({ meetingId: m.id, title: m.title, startsAt: m.startsAt, ...readMeetingDoc(loaded.doc) });
    loaded.doc.destroy();
  }
  const prepLoaded = await loadDocument(prepDocName(me.caseId));
  const preparation = prepLoaded ? readPrepDoc(prepLoaded.doc) : null;
  prepLoaded?.doc.destroy();

  const agreements = await loadCaseAgreements(me.caseId);
  const pdfs: { name: string; data: Uint8Array }[] = [];
  for (const a of agreements) {
    const pdf = await exportAgreementPdf({ me, agreementId: a.id, locale: input.locale, baseUrl: input.baseUrl });
    pdfs.push({ name: `agreements/agreement-v${a.version}.pdf`, data: pdf.bytes });
  }
  const progress = await listCaseProgress({ me });
  const trail = await readParticipantTrail(db, me.participantId, self.email);
  const accessLog = await wholeAccessLog(me);

  const caseJson = {
    case: {
      id: kase.id,
      reference: kase.reference,
      employeeName: kase.employeeName,
      employer: kase.employer,
      track: kase.track,
      sickLeaveStart: kase.sickLeaveStart,
      state: kase.state,
      outcome: kase.outcome,
      closedOn: kase.closedOn,
      createdAt: kase.createdAt,
    },
    // Closed, reopened, handed over: what happened to the case and why (staff by role, not by id).
    events: events.map((e) => ({ kind: e.kind, outcome: e.outcome, closedOn: e.closedOn, reason: e.reason, at: e.at })),
    you: { participantId: self.id, role: self.role, displayName: self.displayName, email: self.email, addedAt: self.createdAt },
    // Others on the case as the employee sees them in Stepwise: names and roles, no addresses.
    participants: people.map((p) => ({ role: p.role, displayName: p.displayName, addedAt: p.createdAt, removedAt: p.removedAt })),
    meetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      location: m.location,
      videoUrl: m.videoUrl,
      status: m.status,
    })),
  };
  const agreementsJson = agreements.map((a) => ({
    version: a.version,
    state: a.state,
    fingerprint: a.fingerprint,
    preparedAt: a.preparedAt,
    sealedAt: a.sealedAt,
    reason: a.reason,
    meetingId: a.meetingId,
    content: a.content,
    pdf: `agreements/agreement-v${a.version}.pdf`,
  }));
  const invitationsJson = {
    answers: trail.answers,
    links: trail.links.map((l) => ({ ...l, uses: trail.uses.filter((u) => u.joinLinkId === l.id).map(({ joinLinkId: _, ...u }) => u) })),
    sessions: trail.sessions,
    calendarLinks: trail.calendarLinks,
    mails: trail.mails,
  };
  const accessLogJson = accessLog.map((e) => ({
    at: e.at,
    lastAt: e.lastAt,
    count: e.count,
    who: { kind: e.actor.kind, name: e.actor.name, role: e.actor.role },
    what: e.what,
    why: e.purpose,
    resourceId: e.resourceId,
  }));

  const summary = renderExportSummary({
    locale: input.locale,
    now: input.now,
    person: { name: self.displayName, role: self.role, email: self.email },
    kase: { id: kase.id, createdAt: kase.createdAt, employer: kase.employer },
    counts: { meetings: meetings.length, agreements: agreements.length, progress: progress.length, accessLog: accessLog.length },
    hasPdfs: pdfs.length > 0,
    accessLog,
  });
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const bytes = await zipFiles(
    [
      { name: "summary.html", data: summary },
      { name: "case.json", data: json(caseJson) },
      { name: "plan.json", data: json(plans) },
      { name: "agreements.json", data: json(agreementsJson) },
      ...pdfs,
      { name: "progress.json", data: json(progress.map(({ mine: _, ...p }) => p)) },
      { name: "preparation.json", data: json(preparation) },
      { name: "invitations.json", data: json(invitationsJson) },
      { name: "access-log.json", data: json(accessLogJson) },
    ],
    input.now,
  );
  // No showing without its record: written before the zip leaves.
  await recordAccess({ who: whoOf(me), caseId: me.caseId, what: "data_export", resourceId: null, purpose: "export" });
  return { bytes, fileName: `stepwise-${input.now.toISOString().slice(0, 10)}.zip` };
}

/** Every row of the case's access log, newest first (all pages). */
async function wholeAccessLog(me: Me): Promise<AccessLogEntry[]> {
  const viewer = { kind: "participant" as const, id: me.participantId, role: me.role, caseId: me.caseId };
  const out: AccessLogEntry[] = [];
  for (let page = 1; ; page++) {
    const p = await listAccessLog({ viewer, caseId: me.caseId, page });
    out.push(...p.entries);
    if (!p.more) return out;
  }
}
