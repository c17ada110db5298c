import { getDb } from "@/db/client";
import { findParticipant } from "@/db/queries/participants";
import { insertReminderUnsubscribe } from "@/db/queries/reminders";
import { AppError } from "../errors";
import type { ReminderKind } from "./reminder-kinds";
import { readUnsubscribeToken } from "./unsubscribe-token";

/**
 * What an unsubscribe link names (the page asks before it acts: a mail scanner that follows links
 * must not unsubscribe anyone). NOT_FOUND for a link that is not ours or a person no longer there.
 */
export async function readUnsubscribeLink(token: unknown): Promise<{ participantId: string; kind: ReminderKind }> {
  const found = readUnsubscribeToken(token);
  if (!found || !(await findParticipant(await getDb(), found.participantId))) throw new AppError("NOT_FOUND", "no such unsubscribe link");
  return found;
}

/** No more reminders of this kind for this person (idempotent). */
export async function unsubscribeReminders(token: unknown): Promise<{ kind: ReminderKind }> {
  const { participantId, kind } = await readUnsubscribeLink(token);
  await insertReminderUnsubscribe(await getDb(), participantId, kind);
  return { kind };
}
