import { invalidInput } from "../input-errors";
import { requireCaseStaff } from "../cases/require-case-staff";
import { followUpFill } from "./follow-up-fill";
import type { Locale } from "../i18n/locales";
import { ZScheduleMeeting } from "../meetings/meeting-input";
import { scheduleMeeting, type ScheduledMeeting } from "../meetings/schedule-meeting";
import type { Actors } from "../access/actor";

/**
 * A caseworker schedules a meeting of their case from the form; its shared document is created
 * with it — from the binding agreement when there is one (a follow-up meeting, lib/followup/).
 */
export async function scheduleCaseMeeting(input: {
  who: Actors;
  caseId: string;
  raw: unknown;
  /** The language of the follow-up agenda's own words (the caseworker's); Danish by default. */
  locale?: Locale;
}): Promise<ScheduledMeeting> {
  const access = await requireCaseStaff({ who: input.who, caseId: input.caseId }, { action: "manage", resource: "meeting" });
  const parsed = ZScheduleMeeting.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const m = parsed.data;
  return scheduleMeeting({
    caseId: access.case.id,
    track: access.case.track,
    title: m.title,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    location: m.location,
    videoUrl: m.videoUrl,
    fill: await followUpFill(access.case.id, input.locale ?? "da"),
  });
}
