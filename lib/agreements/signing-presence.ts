import { getDb } from "@/db/client";
import { findLatestRoomOpening } from "@/db/queries/access-log";
import { meetingDocName } from "../collab/doc-names";
import { readSeen } from "../collab/flow-read";
import { loadDocument } from "../collab-store/load-document";

/**
 * How long after their last sign of life in the meeting's room a person still counts as "in the
 * meeting" for signing: longer than a long meeting (people read and sign at the end, or a little
 * after, on the agreement page, which is not the room).
 */
export const PRESENCE_WINDOW_MINUTES = 180;
/** A heartbeat further ahead of the server's clock than this is not believed. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type MeetingPresence = { connected: boolean; lastSeenAt: Date | null };

/**
 * Was this participant in the meeting's room, recently? Proof in two parts, both read from the
 * database (never from the collaboration server's memory):
 *  1. the collaboration server recorded this participant opening the meeting's shared document
 *     (`meeting_doc` in the access log) — at or after `since`, the moment their sign-in was opened,
 *     so it was this very sign-in that joined. A browser cannot write this row.
 *  2. the last sign of life: that opening, or the room's heartbeat for them in the stored shared
 *     document (`flowSeen`, written each minute while the room is open), whichever is later —
 *     within PRESENCE_WINDOW_MINUTES of `now`. The heartbeat only extends a proven opening.
 */
export async function meetingPresence(input: {
  caseId: string;
  meetingId: string | null;
  participantId: string;
  since: Date | null;
  now: Date;
}): Promise<MeetingPresence> {
  if (!input.meetingId) return { connected: false, lastSeenAt: null };
  const opened = await findLatestRoomOpening(await getDb(), {
    caseId: input.caseId,
    meetingId: input.meetingId,
    participantId: input.participantId,
    since: input.since,
  });
  if (!opened) return { connected: false, lastSeenAt: null };
  let last = opened.getTime();
  const loaded = await loadDocument(meetingDocName(input.meetingId));
  if (loaded) {
    const beat = readSeen(loaded.doc)[input.participantId];
    loaded.doc.destroy();
    if (beat !== undefined && beat <= input.now.getTime() + CLOCK_SKEW_MS && beat > last) last = beat;
  }
  const lastSeenAt = new Date(last);
  return { connected: input.now.getTime() - last <= PRESENCE_WINDOW_MINUTES * 60_000, lastSeenAt };
}
