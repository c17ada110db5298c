import { createVersionFromMeeting, type PreparedVersion } from "./create-agreement-version";
import type { Me } from "../access/actor";
import type { ClientFacts } from "./client-facts";

/**
 * The chair (a participant who may prepare: caseworker or manager) freezes the meeting's plan
 * into version 1 of the case's agreement. Refused (409) when a version exists: a change is an
 * amendment with a reason (amend-agreement.ts).
 */
export async function prepareAgreement(input: {
  me: Me;
  meetingId: string;
  /** The union representative signs as a supporter (chosen per meeting). */
  unionRepSigns: boolean;
  client: ClientFacts;
  now?: Date;
}): Promise<PreparedVersion> {
  return createVersionFromMeeting({ ...input, reason: null });
}
