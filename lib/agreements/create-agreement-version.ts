import { countryOfCase } from "../organisations/country-of-case";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { createAgreementVersion } from "@/db/queries/agreements";
import { findMeetingWithCase } from "@/db/queries/meetings";
import { listAllParticipantsOfCase } from "@/db/queries/participants";
import { meetingDocName } from "../collab/doc-names";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { readReview } from "../collab/review";
import { reviewFindings } from "./review-findings";
import { loadDocument } from "../collab-store/load-document";
import { AppError } from "../errors";
import { assertCan } from "../permissions";
import { isUuid } from "../collab/doc-names";
import { freezeAgreement } from "./agreement-document";
import { buildAgreementDocument } from "./build-agreement-document";
import { openClientFacts } from "./client-facts";
import { appendEvent } from "./event-chain";
import type { SigningParty } from "./frozen-document";
import type { Me } from "../access/actor";
import type { ClientFacts } from "./client-facts";
import { toStoredEvent } from "./stored-events";
import { freezeReservations } from "./frozen-reservations";
import { consentItemsOfPlan } from "../collab/consent-items";
import { reservationRecords } from "../collab/consent-record";
import { readFlow } from "../collab/flow-read";
import { assertCaseOpen } from "../access/assert-case-open";

/** The roles whose signatures make the agreement binding, in the order they are listed. */
export const REQUIRED_ROLES = ["caseworker", "employee", "manager"] as const;
/** Without these two there is no agreement to make; a manager may be missing (no employer yet). */
const INDISPENSABLE = ["caseworker", "employee"];
export const SUPPORTER_ROLE = "union_rep";
const ROLE_ORDER = [...REQUIRED_ROLES, SUPPORTER_ROLE];
export const MAX_REASON_LENGTH = 2000;

export type PreparedVersion = { agreementId: string; caseId: string; version: number; fingerprint: string };

/**
 * Freezes the meeting's live shared document into a new agreement version: read on the server
 * from the stored document (never from what a browser sends), labels frozen in every language,
 * canonical bytes and fingerprint stored with the "prepared" event in one transaction. The room
 * keeps living; nothing later touches this version.
 */
export async function createVersionFromMeeting(input: {
  me: Me;
  meetingId: string;
  unionRepSigns: boolean;
  /** Null for version 1; the stated reason for version n+1. */
  reason: string | null;
  client: ClientFacts;
  now?: Date;
}): Promise<PreparedVersion> {
  const { me, client } = input;
  const now = input.now ?? new Date();
  const db = await getDb();
  if (!isUuid(input.meetingId)) throw new AppError("NOT_FOUND", "no such meeting");
  const found = await findMeetingWithCase(db, input.meetingId);
  if (!found) throw new AppError("NOT_FOUND", "no such meeting");
  if (found.meeting.caseId !== me.caseId) throw new AppError("FORBIDDEN", "not a participant of this meeting");
  assertCan(me.role, "prepare", "agreement");
  await assertCaseOpen(me.caseId);

  const reason = input.reason === null ? null : input.reason.trim();
  if (reason !== null && (reason.length === 0 || reason.length > MAX_REASON_LENGTH)) {
    throw new AppError("INVALID_INPUT", `State why the plan changed (1–${MAX_REASON_LENGTH} characters)`, {
      reason: reason.length === 0 ? "required" : "too_long",
    });
  }

  const loaded = await loadDocument(meetingDocName(input.meetingId));
  if (!loaded) throw new AppError("NOT_FOUND", "the meeting has no shared document");
  const view = readMeetingDoc(loaded.doc);
  const review = readReview(loaded.doc);
  const consent = readFlow(loaded.doc).consent;
  loaded.doc.destroy();

  const everyone = await listAllParticipantsOfCase(db, found.case.id);
  const active = everyone.filter((p) => !p.removedAt);
  const people = new Map(everyone.map((p) => [p.id, { name: p.displayName, role: p.role as string }]));
  const present = new Set(active.map((p) => p.role as string));
  const lacking = INDISPENSABLE.filter((r) => !present.has(r));
  if (lacking.length > 0)
    throw new AppError(
      "CONFLICT",
      `The case has no ${lacking.join(" or ")} to sign`,
      Object.fromEntries(lacking.map((r) => [r, "missing"])),
    );
  const requiredSigners = REQUIRED_ROLES.filter((r) => present.has(r)) as string[];
  if (input.unionRepSigns && !present.has(SUPPORTER_ROLE)) {
    throw new AppError("INVALID_INPUT", "The case has no union representative to sign as supporter", { unionRepSigns: "no_union_rep" });
  }
  const supporters = input.unionRepSigns ? [SUPPORTER_ROLE] : [];
  // A follow-up meeting's review is part of what is agreed (lib/followup).
  const findings = review ? await reviewFindings(found.case.id, review) : null;
  // Every reservation and how it was resolved goes into what is signed (issue 13, section 2).
  const items = consentItemsOfPlan({ plan: view.plan, subGoals: view.plan.subGoals, actions: view.actions, followUp: view.followUp });
  const reservations = freezeReservations(
    reservationRecords(
      consent,
      items,
      everyone.map((p) => p.id),
    ),
    items,
    people,
  );
  const parties: SigningParty[] = active
    .filter((p) => requiredSigners.includes(p.role) || supporters.includes(p.role))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
    .map((p) => ({
      participantId: p.id,
      role: p.role,
      name: p.displayName,
      signs: requiredSigners.includes(p.role) ? "required" : "supporter",
    }));

  const country = await countryOfCase(found.case.id);
  const row = await createAgreementVersion(db, found.case.id, (existing) => {
    const last = existing.at(-1);
    if (reason === null && last)
      throw new AppError("CONFLICT", "An agreement already exists for this case; a change is a new version with a reason", {
        reason: "required",
      });
    if (reason !== null && !last) throw new AppError("CONFLICT", "There is no version to amend yet; prepare the first version");
    const agreementId = randomUUID();
    const version = (last?.version ?? 0) + 1;
    const document = buildAgreementDocument({
      agreementId,
      caseId: found.case.id,
      version,
      requiredSigners,
      supporters,
      amends: last && reason !== null ? { agreementId: last.id, version: last.version, fingerprint: last.fingerprint, reason } : null,
      preparedAt: now,
      preparedBy: { participantId: me.participantId, role: me.role, name: me.displayName },
      case: { employeeName: found.case.employeeName, employer: found.case.employer, track: found.case.track, country },
      meeting: { id: found.meeting.id, title: found.meeting.title, startsAt: found.meeting.startsAt, location: found.meeting.location },
      parties,
      view,
      people,
      review: findings,
      reservations,
    });
    const frozen = freezeAgreement(document);
    const opening = openClientFacts(client);
    const prepared = appendEvent(frozen.fingerprint, [], {
      type: "prepared",
      at: now,
      participantId: me.participantId,
      role: me.role,
      name: me.displayName,
      authMethod: me.actor.authMethod,
      client: opening,
      shownHash: frozen.fingerprint,
    });
    return {
      row: {
        id: agreementId,
        caseId: found.case.id,
        meetingId: found.meeting.id,
        version,
        reason,
        canonical: frozen.canonical,
        fingerprint: frozen.fingerprint,
        requiredSigners,
        supporters,
        preparedBy: me.participantId,
        createdAt: now,
      },
      firstEvent: toStoredEvent(prepared, { opening }),
    };
  });
  return { agreementId: row.id, caseId: row.caseId, version: row.version, fingerprint: row.fingerprint };
}
