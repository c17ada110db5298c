import common from "./messages/common.json";
import home from "./messages/home.json";
import join from "./messages/join.json";
import room from "./messages/room.json";
import planTerms from "./messages/plan-terms.json";
import privacy from "./messages/privacy.json";
import agreement from "./messages/agreement.json";
import staff from "./messages/staff.json";
import meeting from "./messages/meeting.json";
import site from "./messages/site.json";
import followup from "./messages/followup.json";
import verification from "./messages/verification.json";
import meetingOver from "./messages/meeting-over.json";
import accessLogBrowse from "./messages/access-log-browse.json";
import api from "./messages/api.json";
import countryPlan from "./messages/country-plan.json";
import reminders from "./messages/reminders.json";
import admin from "./messages/admin.json";
import personalData from "./messages/personal-data.json";
import apiTokens from "./messages/api-tokens.json";
import { LOCALES, type Locale } from "./locales";

/**
 * The message catalogues. Each file under messages/ holds one area of the product in all three
 * languages side by side ({ da, nb, en }), so a change is made in every language at once and
 * several people can work on different areas without touching the same file. Add a new file here.
 */
const FILES = [
  common,
  home,
  join,
  room,
  planTerms,
  privacy,
  agreement,
  staff,
  followup,
  meeting,
  site,
  meetingOver,
  accessLogBrowse,
  verification,
  countryPlan,
  reminders,
  admin,
  personalData,
  api,
  apiTokens,
] as const;

export type Messages = Record<string, unknown>;

export function messagesFor(locale: Locale): Messages {
  const out: Messages = {};
  for (const file of FILES) Object.assign(out, (file as Record<Locale, Messages>)[locale]);
  return out;
}

export function allCatalogues(): Record<Locale, Messages> {
  return Object.fromEntries(LOCALES.map((l) => [l, messagesFor(l)])) as Record<Locale, Messages>;
}
