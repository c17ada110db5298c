import type * as Y from "yjs";
import { getDb } from "@/db/client";
import { insertMeeting } from "@/db/queries/meetings";
import { AppError } from "../errors";
import { createMeetingDocument } from "../collab-store/create-meeting-document";
import { extendCaseJoinLinks } from "../access/extend-case-join-links";
import type { Track } from "../plan/track";

export type ScheduledMeeting = { id: string; caseId: string; title: string; startsAt: Date };

/** Schedule a meeting of a case and create its shared document (optionally pre-filled). */
export async function scheduleMeeting(input: {
  caseId: string;
  track: Track;
  title: string;
  startsAt: Date;
  durationMinutes?: number;
  location?: string | null;
  videoUrl?: string | null;
  fill?: (doc: Y.Doc) => void;
}): Promise<ScheduledMeeting> {
  const title = input.title.trim();
  if (!title) throw new AppError("INVALID_INPUT", "a title is required", { title: "required" });
  if (Number.isNaN(input.startsAt.getTime())) throw new AppError("INVALID_INPUT", "invalid start time", { startsAt: "date" });
  const row = await insertMeeting(await getDb(), {
    caseId: input.caseId,
    title,
    startsAt: input.startsAt,
    durationMinutes: input.durationMinutes ?? 60,
    location: input.location ?? null,
    videoUrl: input.videoUrl ?? null,
  });
  await createMeetingDocument({ meetingId: row.id, track: input.track, fill: input.fill });
  // The people already invited keep their links for this meeting too (see joinLinkExpiry).
  await extendCaseJoinLinks({ caseId: input.caseId });
  return { id: row.id, caseId: row.caseId, title: row.title, startsAt: row.startsAt };
}
