import { cache } from "react";
import { sessionToken } from "@/app/_server/session";
import { currentStaff } from "@/app/_server/auth";
import { isAppError } from "@/lib/errors";
import { requireMeetingParticipantFrom, type MeetingContext } from "@/lib/meetings/require-meeting-participant";

export type LoadedMeeting = { ok: true; ctx: MeetingContext } | { ok: false; reason: "unauthenticated" | "not_found" };

/**
 * Who → may this person see the meeting? Reads the session cookie (participant link or staff
 * sign-in), so the pages using it are rendered per request and never cached. Once per request,
 * shared by a page's metadata and the page; the room, its shared screen and its agreement use it.
 */
export const loadMeetingViewer = cache(async (id: string): Promise<LoadedMeeting> => {
  try {
    const staff = await currentStaff();
    const who = { participantSessionToken: await sessionToken(), staffUserId: staff?.userId, staffAuthMethod: staff?.authMethod };
    return { ok: true, ctx: await requireMeetingParticipantFrom(who, id) };
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED") return { ok: false, reason: "unauthenticated" };
    // Someone else's meeting looks exactly like a meeting that does not exist.
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { ok: false, reason: "not_found" };
    throw e;
  }
});
