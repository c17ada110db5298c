import { cache } from "react";
import { pageAccess } from "@/app/_server/page-access";
import type { MeetingContext } from "@/lib/access/actor";
import { isAppError } from "@/lib/errors";

export type LoadedMeeting = { ok: true; ctx: MeetingContext } | { ok: false; reason: "unauthenticated" | "not_found" };

/**
 * Who → may this person see the meeting? Reads the session cookie (participant link or staff
 * sign-in), so the pages using it are rendered per request and never cached. Once per request,
 * shared by a page's metadata and the page; the room, its shared screen and its agreement use it.
 */
export const loadMeetingViewer = cache(async (id: string): Promise<LoadedMeeting> => {
  try {
    return { ok: true, ctx: await pageAccess({ meetingId: id }) };
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED") return { ok: false, reason: "unauthenticated" };
    // Someone else's meeting looks exactly like a meeting that does not exist.
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { ok: false, reason: "not_found" };
    throw e;
  }
});
