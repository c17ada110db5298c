import { env } from "../env";

export type MeetingTimes = { startsAt: Date; durationMinutes: number; status: string };

const DAY_MS = 86_400_000;

/**
 * How long a personal link lives: as long as the case needs it. A case runs from meeting to
 * follow-up meeting, often months apart, so a link counted from the day it was issued (the old
 * fixed 30 days) died before the follow-up. The rule: a link is valid until `days` days after
 * the end of the case's latest scheduled meeting (cancelled ones do not count) — and at least
 * `days` days from now. It is recomputed whenever a meeting is scheduled (extend-case-join-links),
 * so it grows with the case; when the case stops having meetings, its links end on their own.
 * (Closing a case will end them at once when cases can be closed.)
 */
export function joinLinkExpiry(input: { now: Date; meetings: readonly MeetingTimes[]; days?: number }): Date {
  const days = input.days ?? env().JOIN_LINK_TTL_DAYS;
  let from = input.now.getTime();
  for (const m of input.meetings) {
    if (m.status === "cancelled") continue;
    const end = m.startsAt.getTime() + m.durationMinutes * 60_000;
    if (end > from) from = end;
  }
  return new Date(from + days * DAY_MS);
}
