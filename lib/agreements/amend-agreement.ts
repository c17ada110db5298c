import { createVersionFromMeeting, type PreparedVersion } from "./create-agreement-version";
import type { Me } from "../access/actor";
import type { ClientFacts } from "./client-facts";

/**
 * A changed plan is version n+1 with a stated reason, frozen from the meeting's live document and
 * signed again. Version n is never touched (its bytes, events and seal stay as they were and keep
 * verifying); an unsigned version n is withdrawn by it, a sealed one binds until n+1 is sealed.
 */
export async function amendAgreement(input: {
  me: Me;
  meetingId: string;
  reason: string;
  unionRepSigns: boolean;
  client: ClientFacts;
  now?: Date;
}): Promise<PreparedVersion> {
  return createVersionFromMeeting({ ...input, reason: input.reason });
}
