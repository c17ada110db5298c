export type MeetingSlot = { id: string; title: string; startsAt: Date; durationMinutes: number; status: string };

/** A meeting that is neither cancelled, completed nor over by `now`: it is still to come (or under way). */
export function isUpcoming(m: MeetingSlot, now: Date): boolean {
  return m.status !== "cancelled" && m.status !== "completed" && m.startsAt.getTime() + m.durationMinutes * 60_000 > now.getTime();
}

/** The next meeting that has not ended (earliest first); null when none is to come — never one that is over. */
export function pickNextMeeting<M extends MeetingSlot>(meetings: M[], now = new Date()): M | null {
  return meetings.filter((m) => isUpcoming(m, now)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0] ?? null;
}

/**
 * The meeting a new invitation opens: the next one that has not ended (earliest first), else the
 * most recent one that was not cancelled. Null when the case has no meeting yet.
 */
export function pickInvitationMeeting<M extends MeetingSlot>(meetings: M[], now = new Date()): M | null {
  const coming = pickNextMeeting(meetings, now);
  if (coming) return coming;
  return [...meetings.filter((m) => m.status !== "cancelled")].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0] ?? null;
}
