import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { rowsOf } from "../raw-rows";
import type { cases, meetings, participants } from "../schema";

type ParticipantRow = typeof participants.$inferSelect;
type MeetingStatus = (typeof meetings.$inferSelect)["status"];
type CaseState = (typeof cases.$inferSelect)["state"];

/** What a socket's ticket claims, and which document it knocks on. */
export type CollabAuthorisationQuestion = {
  participantId: string;
  /** The session the ticket names, parsed; null for one that names none (never live). */
  session: { kind: "participant" | "staff"; id: string } | null;
  doc: { kind: "meeting"; meetingId: string } | { kind: "prep"; caseId: string };
  now: Date;
};

export type CollabAuthorisationFacts = {
  participant: Pick<ParticipantRow, "id" | "caseId" | "role" | "displayName" | "colorIndex" | "removedAt" | "userId">;
  /** The claimed session is live and this participant's (as findLiveParticipantSessions / findLiveStaffSessions say). */
  sessionLive: boolean;
  /** A meeting document: its meeting's case and status and that case's state (findMeetingWithCase); null when not found. */
  meeting: { caseId: string; status: MeetingStatus; caseState: CaseState } | null;
  /** A preparation document: its case's state (findCase); null when not found. */
  caseState: CaseState | null;
};

type Row = {
  id: string;
  case_id: string;
  role: ParticipantRow["role"];
  display_name: string;
  color_index: number;
  removed_at: Date | string | null;
  user_id: string | null;
  session_live: boolean;
  meeting_case_id: string | null;
  meeting_status: MeetingStatus | null;
  case_state: CaseState | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Everything a socket's authorisation reads, in ONE statement (issue 19: a reconnect storm paid
 * five scoped round trips per socket): the participant, whether the claimed session is live and
 * theirs, and the document's meeting or case. Null when no such participant is visible. Run it in
 * the document's organisation: row-level security filters every table it reads, as it did the
 * separate look-ups.
 *
 * The session's conditions are exactly those of db/queries/sessions.ts — a participant session
 * (`findLiveParticipantSessions`): that id, not revoked, not expired, and the participant's own; a
 * staff session (`findLiveStaffSessions`): that stored token, not expired, its user still staff
 * and not deactivated, and the user behind this participant. Change them together.
 */
export async function findCollabAuthorisation(db: Db, q: CollabAuthorisationQuestion): Promise<CollabAuthorisationFacts | null> {
  const now = sql`${q.now.toISOString()}::timestamptz`;
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select p.id, p.case_id, p.role, p.display_name, p.color_index, p.removed_at, p.user_id,
             ${sessionLive(q.session, now)} as session_live,
             d.meeting_case_id, d.meeting_status, d.case_state
      from participants p
      left join lateral (${documentFacts(q.doc)}) d on true
      where p.id = ${q.participantId}::uuid`),
  );
  const r = rows[0];
  if (!r) return null;
  return {
    participant: {
      id: r.id,
      caseId: r.case_id,
      role: r.role,
      displayName: r.display_name,
      colorIndex: Number(r.color_index),
      removedAt: r.removed_at === null ? null : new Date(r.removed_at),
      userId: r.user_id,
    },
    sessionLive: r.session_live === true,
    meeting:
      q.doc.kind === "meeting" && r.meeting_case_id !== null
        ? { caseId: r.meeting_case_id, status: r.meeting_status!, caseState: r.case_state! }
        : null,
    caseState: q.doc.kind === "prep" ? r.case_state : null,
  };
}

function sessionLive(session: CollabAuthorisationQuestion["session"], now: SQL): SQL {
  if (session?.kind === "participant" && UUID.test(session.id)) {
    return sql`exists (select 1 from participant_sessions s
      where s.id = ${session.id}::uuid and s.participant_id = p.id and s.revoked_at is null and s.expires_at > ${now})`;
  }
  if (session?.kind === "staff") {
    return sql`exists (select 1 from auth_sessions a join users u on u.id = a.user_id
      where a.session_token = ${session.id} and a.expires > ${now} and u.staff_role is not null and u.deactivated_at is null
        and a.user_id = p.user_id)`;
  }
  // No session, or a participant session's id that is no uuid: nothing to find.
  return sql`false`;
}

function documentFacts(doc: CollabAuthorisationQuestion["doc"]): SQL {
  return doc.kind === "meeting"
    ? sql`select m.case_id as meeting_case_id, m.status as meeting_status, c.state as case_state
        from meetings m join cases c on c.id = m.case_id where m.id = ${doc.meetingId}::uuid`
    : sql`select null::uuid as meeting_case_id, null::text as meeting_status, c.state as case_state
        from cases c where c.id = ${doc.caseId}::uuid`;
}
