export type MeetingSlot = { id: string; title: string; startsAt: Date; durationMinutes: number; status: string };

/**
 * The meeting a new invitation opens: the next one that has not ended (earliest first), else the
 * most recent one that was not cancelled. Null when the case has no meeting yet.
 */
export function pickInvitationMeeting<M extends MeetingSlot>(meetings: M[], now = new Date()): M | null {
  const live = meetings.filter((m) => m.status !== "cancelled");
  const coming = live
    .filter((m) => m.status !== "completed" && m.startsAt.getTime() + m.durationMinutes * 60_000 > now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (coming[0]) return coming[0];
  return [...live].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0] ?? null;
}
