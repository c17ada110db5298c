import type { z } from "zod";
import type { Me } from "../access/actor";
import { scheduleCaseMeeting } from "../followup/schedule-case-meeting";
import { messagesFor } from "../i18n/catalogue";
import type { Locale } from "../i18n/locales";
import { organisationOfCase } from "../organisations/organisation-of-case";
import { dateInZone, timeInZone } from "../time/zoned";
import { callerActors } from "./api-caller";
import type { ZApiNewMeeting } from "./contract";

/**
 * `POST /api/v1/cases/<id>/meetings`: the same scheduling as the caseworker's form
 * (lib/followup/schedule-case-meeting.ts — a follow-up meeting starts from the binding
 * agreement); the API's instant is given to it as the meeting's wall-clock date and time.
 */
export async function scheduleMeetingByApi(input: { me: Me; body: z.output<typeof ZApiNewMeeting> }): Promise<{ meetingId: string }> {
  const { body } = input;
  const startsAt = new Date(body.startsAt);
  const locale = await organisationLocale(input.me.caseId);
  const m = await scheduleCaseMeeting({
    who: callerActors(input.me),
    caseId: input.me.caseId,
    raw: {
      title: body.title ?? defaultTitle(locale),
      date: dateInZone(startsAt),
      time: timeInZone(startsAt),
      durationMinutes: body.minutes,
      location: body.place ?? null,
      videoUrl: body.videoUrl ?? null,
    },
    locale,
  });
  return { meetingId: m.id };
}

/** The case's organisation's own language: the words a meeting made by its system starts with. */
export async function organisationLocale(caseId: string): Promise<Locale> {
  return (await organisationOfCase(caseId)).country === "NO" ? "nb" : "da";
}

function defaultTitle(locale: Locale): string {
  return (messagesFor(locale).api as { defaultMeetingTitle: string }).defaultMeetingTitle;
}
