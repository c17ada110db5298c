import { getDb } from "@/db/client";
import { linkParticipantToUser } from "@/db/queries/participants";

/**
 * Test helper (not for production code): link a fixture case's caseworker participant to a staff
 * account, as opening a case does — an API token acts on a case through that caseworker.
 */
export async function linkCaseworkerToStaff(participantId: string, userId: string): Promise<void> {
  await linkParticipantToUser(await getDb(), participantId, userId);
}
