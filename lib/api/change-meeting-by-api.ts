import type { z } from "zod";
import type { Me, MeetingContext } from "../access/actor";
import { cancelMeeting } from "../followup/cancel-meeting";
import { rescheduleMeeting } from "../followup/reschedule-meeting";
import { dateInZone, timeInZone } from "../time/zoned";
import { callerActors } from "./api-caller";
import type { ZApiMeetingChanged, ZApiMeetingChange } from "./contract";
import { organisationLocale } from "./schedule-meeting-by-api";

/**
 * `PATCH /api/v1/meetings/<id>`: move or cancel, through the caseworker's own use-cases
 * (lib/followup/reschedule-meeting.ts, cancel-meeting.ts: invitees told, calendar SEQUENCE up, a
 * completed or cancelled meeting 409). A move names only what changes; the rest stays as it is
 * (`null` removes a place or video link).
 */
export async function changeMeetingByApi(input: {
  me: Me;
  meeting: MeetingContext["meeting"];
  body: z.output<typeof ZApiMeetingChange>;
  baseUrl: string;
}): Promise<z.output<typeof ZApiMeetingChanged>> {
  const { me, meeting, body } = input;
  const common = {
    who: callerActors(me),
    meetingId: meeting.id,
    baseUrl: input.baseUrl,
    locale: await organisationLocale(me.caseId),
  };
  if (body.status === "cancelled") {
    const done = await cancelMeeting({ ...common, raw: { message: body.message ?? null } });
    return { meetingId: done.meetingId, status: "cancelled", sequence: done.sequence };
  }
  const startsAt = body.startsAt ? new Date(body.startsAt) : meeting.startsAt;
  const done = await rescheduleMeeting({
    ...common,
    raw: {
      date: dateInZone(startsAt),
      time: timeInZone(startsAt),
      durationMinutes: body.minutes ?? meeting.durationMinutes,
      location: body.place === undefined ? meeting.location : body.place,
      videoUrl: body.videoUrl === undefined ? meeting.videoUrl : body.videoUrl,
    },
  });
  return { meetingId: done.meetingId, status: "planned", sequence: done.sequence };
}
