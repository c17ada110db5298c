import type { z } from "zod";
import type { Me } from "../access/actor";
import { inviteParticipant } from "../invites/invite-participant";
import { callerActors } from "./api-caller";
import type { ZApiInvitation, ZApiInvited } from "./contract";
import { organisationLocale } from "./schedule-meeting-by-api";

/**
 * `POST /api/v1/meetings/<id>/invitations`: the caseworker's invitation (lib/invites/
 * invite-participant.ts): the person is added to the meeting's case and gets a personal link,
 * e-mailed when an address is given. The link is in the answer this once; only its hash is kept.
 */
export async function inviteByApi(input: {
  me: Me;
  body: z.output<typeof ZApiInvitation>;
  baseUrl: string;
  now: Date;
}): Promise<z.output<typeof ZApiInvited>> {
  const issued = await inviteParticipant({
    who: callerActors(input.me),
    caseId: input.me.caseId,
    raw: { role: input.body.role, displayName: input.body.name, email: input.body.email ?? null },
    baseUrl: input.baseUrl,
    locale: await organisationLocale(input.me.caseId),
    now: input.now,
  });
  return { participantId: issued.participantId, joinUrl: issued.url };
}
