import { getDb } from "@/db/client";
import { findParticipant } from "@/db/queries/participants";
import { insertReminderUnsubscribe } from "@/db/queries/reminders";
import { AppError } from "../errors";
import type { ReminderKind } from "./reminder-kinds";
import { organisationOfParticipantId } from "@/db/queries/organisation-of";
import { inOrganisationOf } from "../access/in-organisation-of";
import { readUnsubscribeToken } from "./unsubscribe-token";

/**
 * What an unsubscribe link names (the page asks before it acts: a mail scanner that follows links
 * must not unsubscribe anyone). NOT_FOUND for a link that is not ours or a person no longer there.
 */
export async function readUnsubscribeLink(token: unknown): Promise<{ participantId: string; kind: ReminderKind }> {
  return inLinksOrganisation(token, async (found) => found);
}

/** No more reminders of this kind for this person (idempotent). */
export async function unsubscribeReminders(token: unknown): Promise<{ kind: ReminderKind }> {
  return inLinksOrganisation(token, async ({ participantId, kind }) => {
    await insertReminderUnsubscribe(await getDb(), participantId, kind);
    return { kind };
  });
}

/** Nobody is signed in: the link's participant names the organisation, and the link is read in it. */
async function inLinksOrganisation<T>(
  token: unknown,
  fn: (found: { participantId: string; kind: ReminderKind }) => Promise<T>,
): Promise<T> {
  const found = readUnsubscribeToken(token);
  const notFound = (): never => {
    throw new AppError("NOT_FOUND", "no such unsubscribe link");
  };
  if (!found) return notFound();
  return inOrganisationOf(
    (db) => organisationOfParticipantId(db, found.participantId),
    async () => ((await findParticipant(await getDb(), found.participantId)) ? fn(found) : notFound()),
    notFound,
  );
}
