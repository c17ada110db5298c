import { dateInZone } from "./zoned";
import { pickInvitationMeeting, type MeetingSlot } from "./pick-invitation-meeting";

/**
 * The meeting a personal link opens right now. A link outlives its first meeting
 * (join-link-expiry.ts), so it opens the case's meeting now due — but a meeting that started today
 * and was neither completed nor cancelled is still the one people are in, even past its planned
 * end: meetings overrun, and people come back after a break or a dropped connection. Sending them to
 * next month's meeting instead would strand them outside the room they just left.
 *
 * Today's latest-started such meeting, else the next one that has not ended (pickInvitationMeeting).
 */
export function pickLandingMeeting<M extends MeetingSlot>(meetings: M[], now = new Date()): M | null {
  const today = dateInZone(now);
  const inProgressToday = meetings
    .filter(
      (m) =>
        m.status !== "cancelled" && m.status !== "completed" && m.startsAt.getTime() <= now.getTime() && dateInZone(m.startsAt) === today,
    )
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return inProgressToday[0] ?? pickInvitationMeeting(meetings, now);
}
