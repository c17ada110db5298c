import { getDb } from "@/db/client";
import { listCaseworkerParticipantIdsOfUser } from "@/db/queries/participants";
import { insertParticipantLanguageIfAbsent, upsertParticipantLanguage } from "@/db/queries/reminders";
import { organisationOfParticipantId } from "@/db/queries/organisation-of";
import type { Actors } from "../access/actor";
import { inOrganisation } from "../access/in-organisation";
import { inOrganisationOf } from "../access/in-organisation-of";
import type { Locale } from "../i18n/locales";

/**
 * Remember the language a person uses, so their reminders are written in it: a participant's own
 * row, or every caseworker row of a staff member. Nobody signed in: nothing to remember.
 */
export async function rememberLanguage(who: Actors, locale: Locale): Promise<void> {
  // Choosing a language needs nobody signed in, so no organisation is entered yet: the organisation
  // of the person whose rows are written (a participant's own, else the staff member's).
  await inOrganisation((who.participant ?? who.staff)?.organisationId ?? null, () => remember(who, locale));
}

async function remember(who: Actors, locale: Locale): Promise<void> {
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
  // Nobody was signed in when the link was opened: the participant's organisation.
  await inOrganisationOf(
    (db) => organisationOfParticipantId(db, participantId),
    async () => insertParticipantLanguageIfAbsent(await getDb(), participantId, locale),
    () => undefined,
  );
}
