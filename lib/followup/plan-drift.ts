import { getDb } from "@/db/client";
import { listAllParticipantsOfCase } from "@/db/queries/participants";
import { recordAccess } from "../audit/record-access";
import { meetingDocName } from "../collab/doc-names";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { loadDocument } from "../collab-store/load-document";
import { readAgreementContent } from "../agreements/agreement-content";
import { describeChanges } from "./describe-changes";
import { diffPlans, type PlanChange, type PlanSnapshot } from "./plan-diff";
import { snapshotFromView } from "./snapshot-from-view";
import { isLocale } from "../i18n/locales";
import type { Me } from "../access/actor";
import { whoOf } from "../agreements/access-actor";
import { versionState } from "../agreements/agreement-state";
import { translator } from "../agreements/labels";
import { loadAgreementFor } from "../agreements/load-agreement";

/**
 * "Edits after freezing": the meeting's room goes on living after a version is frozen for
 * signing, so someone may change the plan in the room and then sign a version that does not hold
 * that change. This compares the newest version with the room it was prepared in, so the signing
 * page and the room can say so at the top, show what differs, and offer a new version.
 */
export type PlanDrift = { agreementId: string; version: number; meetingId: string; changes: PlanChange[]; lines: string[] };

/** The frozen plan of a version, in the shape the diff compares (plan, actions, follow-up). */
export function frozenSnapshot(canonical: Uint8Array): PlanSnapshot {
  const { plan, actions, followUp } = readAgreementContent(canonical);
  return { plan, actions, followUp };
}

/**
 * What differs between a version and its meeting's room now, in the reader's language; null when
 * nothing differs, or when the version is not the newest (a replaced or withdrawn version is
 * history, and a follow-up meeting's room is compared with its review instead).
 */
export async function getPlanDrift(input: { me: Me; agreementId: string; locale: string }): Promise<PlanDrift | null> {
  const { row, versions } = await loadAgreementFor(input.me, input.agreementId, "view");
  if (!row.meetingId || versions.at(-1)?.id !== row.id) return null;
  const state = versionState(row, versions);
  if (state !== "awaiting_signatures" && state !== "binding") return null;
  const loaded = await loadDocument(meetingDocName(row.meetingId));
  if (!loaded) return null;
  let live: ReturnType<typeof readMeetingDoc>;
  try {
    live = readMeetingDoc(loaded.doc);
  } finally {
    loaded.doc.destroy();
  }
  const people = new Map(
    (await listAllParticipantsOfCase(await getDb(), row.caseId)).map((p) => [p.id, { name: p.displayName, role: p.role as string }]),
  );
  const changes = diffPlans(frozenSnapshot(row.canonical), snapshotFromView(live, people));
  if (changes.length === 0) return null;
  const locale = isLocale(input.locale) ? input.locale : "da";
  return {
    agreementId: row.id,
    version: row.version,
    meetingId: row.meetingId,
    changes,
    lines: describeChanges(changes, locale, translator(locale)),
  };
}

/**
 * The frozen plan of one version, for the room's live comparison (the room holds the live plan;
 * it diffs the two itself as people type). Showing it is showing the agreement: one access-log row.
 */
export async function getFrozenPlan(input: {
  me: Me;
  agreementId: string;
}): Promise<{ agreementId: string; version: number; fingerprint: string; meetingId: string | null; snapshot: PlanSnapshot }> {
  const { row } = await loadAgreementFor(input.me, input.agreementId, "view");
  await recordAccess({ who: whoOf(input.me), caseId: row.caseId, what: "agreement", resourceId: row.id, purpose: "agreement" });
  return {
    agreementId: row.id,
    version: row.version,
    fingerprint: row.fingerprint,
    meetingId: row.meetingId,
    snapshot: frozenSnapshot(row.canonical),
  };
}
