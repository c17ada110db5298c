import { getDb } from "@/db/client";
import { findSubscriptionForFeed } from "@/db/queries/calendar-subscriptions";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { organisationOfCalendarFeed } from "@/db/queries/organisation-of";
import { hashToken, looksLikeToken } from "../access/tokens";
import { inOrganisationOf } from "../access/in-organisation-of";
import { AppError } from "../errors";
import { translator } from "../agreements/labels";
import type { Locale } from "../i18n/locales";
import { buildCalendar } from "./ics";
import { meetingEvent, PROD_ID } from "./meeting-event";

/** Meetings that ended longer ago than this drop out of the feed (calendars keep what they had). */
const PAST_DAYS = 60;

/**
 * The feed behind a subscription link: the participant's meetings from the last two months on,
 * cancelled ones marked so calendars remove them. No session — the secret in the URL is the
 * credential — so an unknown, revoked or malformed secret, or a removed participant, all answer
 * the same NOT_FOUND.
 */
export async function openCalendarFeed(input: { token: string; baseUrl: string; locale: Locale; now?: Date }): Promise<string> {
  const now = input.now ?? new Date();
  if (!looksLikeToken(input.token)) throw new AppError("NOT_FOUND", "no such calendar");
  const hash = hashToken(input.token);
  const notFound = (): never => {
    throw new AppError("NOT_FOUND", "no such calendar");
  };
  // No session: the secret names its organisation, and the feed is read in it.
  return inOrganisationOf(
    (db) => organisationOfCalendarFeed(db, hash),
    () => feedIn({ ...input, hash, now }, notFound),
    notFound,
  );
}

async function feedIn(input: { hash: Uint8Array; baseUrl: string; locale: Locale; now: Date }, notFound: () => never): Promise<string> {
  const { now } = input;
  const db = await getDb();
  const found = (await findSubscriptionForFeed(db, input.hash, now)) ?? notFound();
  const from = now.getTime() - PAST_DAYS * 86_400_000;
  const meetings = (await listMeetingsOfCases(db, [found.participant.caseId])).filter(
    (m) => m.startsAt.getTime() + m.durationMinutes * 60_000 >= from,
  );
  const host = new URL(input.baseUrl).host;
  return buildCalendar({
    prodId: PROD_ID,
    name: translator(input.locale)("followup.calendar.name"),
    now,
    events: meetings.map((m) => meetingEvent(m, { baseUrl: input.baseUrl, locale: input.locale, host })),
  });
}
