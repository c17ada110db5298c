import { getDb } from "@/db/client";
import { listAnswersForMeetings } from "@/db/queries/invitation-answers";
import { listReadReceipts } from "@/db/queries/read-receipts";
import type { MeetingContext } from "../access/actor";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { readAgenda } from "../collab/agenda";
import { meetingDocName } from "../collab/doc-names";
import { readPlan } from "../collab/plan";
import { loadDocument } from "../collab-store/load-document";
import { AppError } from "../errors";
import { organisationOfCase } from "../organisations/organisation-of-case";
import { assertCan } from "../permissions";
import type { MeetingSummary } from "./meeting-summary";
import { workCapacityOf, type WorkCapacity } from "./work-capacity";

export type DoctorView = {
  meeting: MeetingSummary;
  employeeName: string;
  /** The agenda's items: title, timebox and whether covered — never their notes. */
  agenda: { id: string; title: string; minutes: number | null; done: boolean }[];
  /** The plan as it stands in the meeting now (read once, on the server). */
  draft: WorkCapacity;
  /** The binding agreement's part about work capacity, and whether this doctor confirmed reading it. */
  binding: {
    agreementId: string;
    version: number;
    fingerprint: string;
    sealedAt: Date;
    plan: WorkCapacity;
    readAt: Date | null;
  } | null;
  /** The case is open: a read receipt can be given. */
  mayConfirm: boolean;
  /** The doctor's own answer to the invitation (coming / another time / cannot come), while it can be given. */
  answer: {
    open: boolean;
    current: { answer: "coming" | "another_time" | "cannot_come"; suggestion: string | null; reason: string | null } | null;
  };
};

/**
 * The treating doctor's page (docs/permissions.md, "The treating doctor"): built here, on the
 * server, from the shared document and the binding agreement, because the doctor never receives
 * the shared document itself — Yjs would send them all of it. Only `work_capacity` viewers.
 */
export async function getDoctorView(ctx: MeetingContext, now = new Date()): Promise<DoctorView> {
  assertCan(ctx.me.role, "view", "work_capacity");
  const loaded = await loadDocument(meetingDocName(ctx.meeting.id));
  // A meeting always has its document; one that cannot be read is an error, never an empty page.
  if (!loaded) throw new AppError("NOT_FOUND", "the meeting has no document");
  const { country } = await organisationOfCase(ctx.case.id);
  const bindingRow = bindingOf(await loadCaseAgreements(ctx.case.id));
  const receipts = bindingRow ? await listReadReceipts(await getDb(), [bindingRow.id]) : [];
  const mine = receipts.find((r) => r.participantId === ctx.me.participantId) ?? null;
  const m = ctx.meeting;
  const answered = (await listAnswersForMeetings(await getDb(), [m.id])).filter((a) => a.participantId === ctx.me.participantId).at(-1);
  // As answerInvitation decides: a meeting that is over, cancelled or completed takes no answer.
  const over = m.startsAt.getTime() + m.durationMinutes * 60_000 < now.getTime();
  const open = ctx.case.state === "open" && !over && (m.status === "planned" || m.status === "in_progress");
  return {
    meeting: {
      id: m.id,
      title: m.title,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      location: m.location,
      videoUrl: m.videoUrl,
      status: m.status,
    },
    employeeName: ctx.case.employeeName,
    agenda: readAgenda(loaded.doc).map((a) => ({ id: a.id, title: a.title, minutes: a.minutes, done: a.done })),
    draft: workCapacityOf(readPlan(loaded.doc), country),
    binding:
      bindingRow && bindingRow.sealedAt
        ? {
            agreementId: bindingRow.id,
            version: bindingRow.version,
            fingerprint: bindingRow.fingerprint,
            sealedAt: bindingRow.sealedAt,
            plan: workCapacityOf(bindingRow.content.plan, bindingRow.content.country ?? country),
            readAt: mine?.readAt ?? null,
          }
        : null,
    mayConfirm: ctx.case.state === "open",
    answer: {
      open,
      current: answered
        ? { answer: answered.answer as "coming" | "another_time" | "cannot_come", suggestion: answered.suggestion, reason: answered.reason }
        : null,
    },
  };
}
