import { translator } from "../agreements/labels";
import type { Locale } from "../i18n/locales";
import type { IcsEvent } from "./ics";

export type CalendarMeeting = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  status: string;
  sequence: number;
};

/**
 * A meeting as a calendar event, holding no health data and no case data: the summary is just
 * "Meeting" (not the meeting's title, which names the person), the time, the place or video
 * link, and the participant's own room address `/meetings/<id>`. Never the join link: that is a
 * bearer token, and a calendar is shared, synced and forwarded; the room address opens only
 * with the person's own session (docs/decisions.md, "Calendar").
 */
export function meetingEvent(m: CalendarMeeting, opts: { baseUrl: string; locale: Locale; host: string }): IcsEvent {
  const t = translator(opts.locale);
  const roomUrl = `${opts.baseUrl}/meetings/${m.id}`;
  return {
    uid: `meeting-${m.id}@${opts.host}`,
    start: m.startsAt,
    end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
    summary: t("followup.calendar.summary"),
    location: m.location ?? m.videoUrl,
    description: [
      t("followup.calendar.open", { url: roomUrl }),
      ...(m.videoUrl ? [t("followup.calendar.video", { url: m.videoUrl })] : []),
    ].join("\n"),
    url: roomUrl,
    cancelled: m.status === "cancelled",
    sequence: m.sequence,
  };
}

export const PROD_ID = "-//Stepwise//Follow-up//EN";
