import { getDb } from "@/db/client";
import { listCaseworkerParticipantIdsOfUser } from "@/db/queries/participants";
import { insertParticipantLanguageIfAbsent, upsertParticipantLanguage } from "@/db/queries/reminders";
import type { Actors } from "../access/actor";
import type { Locale } from "../i18n/locales";

/**
 * Remember the language a person uses, so their reminders are written in it: a participant's own
 * row, or every caseworker row of a staff member. Nobody signed in: nothing to remember.
 */
export async function rememberLanguage(who: Actors, locale: Locale): Promise<void> {
  const db = await getDb();
  const ids = who.participant
    ? [who.participant.participantId]
    : who.staff
      ? await listCaseworkerParticipantIdsOfUser(db, who.staff.userId)
      : [];
  for (const id of ids) await upsertParticipantLanguage(db, id, locale);
}

/** On opening a join link: the browser's language, unless the person already chose one. */
export async function rememberFirstLanguage(participantId: string, locale: Locale): Promise<void> {
  await insertParticipantLanguageIfAbsent(await getDb(), participantId, locale);
}
