import { getDb } from "@/db/client";
import { findMeetingWithCase } from "@/db/queries/meetings";
import type { Me } from "../access/actor";
import { AppError } from "../errors";
import { isUuid } from "../collab/doc-names";
import type { Locale } from "../i18n/locales";
import { assertCan } from "../permissions";
import { buildCalendar } from "./ics";
import { meetingEvent, PROD_ID } from "./meeting-event";

/**
 * One meeting as an `.ics` file for a participant of its case (`meeting: view`); another case's
 * meeting answers FORBIDDEN, an unknown one NOT_FOUND.
 */
export async function meetingCalendarFile(input: {
  me: Pick<Me, "caseId" | "role">;
  meetingId: string;
  baseUrl: string;
  locale: Locale;
  now?: Date;
}): Promise<{ filename: string; body: string }> {
  if (!isUuid(input.meetingId)) throw new AppError("NOT_FOUND", "no such meeting");
  const found = await findMeetingWithCase(await getDb(), input.meetingId);
  if (!found) throw new AppError("NOT_FOUND", "no such meeting");
  if (found.meeting.caseId !== input.me.caseId) throw new AppError("FORBIDDEN", "not a participant of this meeting");
  assertCan(input.me.role, "view", "meeting");
  const host = new URL(input.baseUrl).host;
  const body = buildCalendar({
    prodId: PROD_ID,
    name: null,
    now: input.now ?? new Date(),
    events: [meetingEvent(found.meeting, { baseUrl: input.baseUrl, locale: input.locale, host })],
  });
  return { filename: `stepwise-meeting-${found.meeting.startsAt.toISOString().slice(0, 10)}.ics`, body };
}
