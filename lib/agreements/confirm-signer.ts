import { getDb } from "@/db/client";
import { findParticipant } from "@/db/queries/participants";
import { AppError } from "../errors";
import { assertCan } from "../permissions";
import type { ReadableAgreement } from "./frozen-document";
import type { Me } from "../access/actor";
import { eidAuthMethod, IN_PERSON_METHOD, IN_PERSON_NOT_CONNECTED_METHOD } from "./auth-method-meaning";
import { freshEidOf } from "../eid/fresh-eid";
import { meetingPresence } from "./signing-presence";
import { normaliseName } from "../access/normalise-name";

export { IN_PERSON_METHOD, IN_PERSON_NOT_CONNECTED_METHOD } from "./auth-method-meaning";

/**
 * A signature on one's own device from a sign-in opened at most this long ago needs nothing more;
 * an older sign-in signs when it was in the meeting's room (signing-presence.ts).
 */
export const FRESH_SESSION_MINUTES = 15;
/**
 * How a signer confirms who they are, again, right before deciding:
 * - on their own device: type their full name as registered, with the sign-in they joined the
 *   meeting with (it was in the meeting's room: no new sign-in at the end of a long meeting), or
 *   one opened in the last 15 minutes, or a national eID confirmation of the last 15 minutes
 *   (recorded as `own-device:eid:<level>:<acr>`);
 * - in turn at the shared screen (a device signed in as the caseworker): type their name, and the
 *   caseworker confirms they checked the person's identity in person.
 */
export type SignerConfirmation =
  | { mode: "own-device"; typedName: string }
  | { mode: "shared-screen"; signerParticipantId: string; typedName: string; identityChecked: boolean };

export type ConfirmedSigner = { participantId: string; role: string; name: string; authMethod: string };

/** Where the version was prepared: its meeting is the room whose presence counts. */
export type SigningContext = { caseId: string; meetingId: string | null };

export async function confirmSigner(
  me: Me,
  confirmation: SignerConfirmation,
  doc: ReadableAgreement,
  now: Date,
  where?: SigningContext,
): Promise<ConfirmedSigner> {
  let signer: { participantId: string; role: string; name: string };
  let authMethod: string;
  const context = where ?? { caseId: me.caseId, meetingId: null };
  if (confirmation.mode === "own-device") {
    // A national eID confirmation in the last 15 minutes is a fresh sign-in of its own, and the
    // signature says so with its assurance level.
    const eid = await freshEidOf(me.actor, now);
    const ageMs = now.getTime() - me.actor.authenticatedAt.getTime();
    if (!eid && ageMs > FRESH_SESSION_MINUTES * 60_000) {
      const presence = await meetingPresence({ ...context, participantId: me.participantId, since: me.actor.authenticatedAt, now });
      if (!presence.connected) {
        throw new AppError(
          "UNAUTHENTICATED",
          "This sign-in is older than 15 minutes and was not in this meeting's room: open your personal link again, or sign at the caseworker's screen",
          {
            session: "stale",
          },
        );
      }
    }
    signer = { participantId: me.participantId, role: me.role, name: me.displayName };
    authMethod = eid ? eidAuthMethod(eid.level, eid.acr) : `own-device:${me.actor.authMethod}`;
  } else {
    if (me.role !== "caseworker") throw new AppError("FORBIDDEN", "Only the caseworker's screen can take signatures in turn");
    if (confirmation.signerParticipantId === me.participantId) {
      throw new AppError("INVALID_INPUT", "The caseworker signs as themself, not in turn", { signer: "self" });
    }
    const p = await findParticipant(await getDb(), confirmation.signerParticipantId);
    if (!p || p.caseId !== me.caseId || p.removedAt) throw new AppError("FORBIDDEN", "That person is not a participant of this case");
    if (confirmation.identityChecked !== true) {
      throw new AppError("INVALID_INPUT", "The caseworker must confirm that they checked the person's identity", {
        identityChecked: "required",
      });
    }
    signer = { participantId: p.id, role: p.role, name: p.displayName };
    // Someone signing at the caseworker's screen who was never in this meeting's room (no device,
    // or not there at all): accepted — people without a phone sign this way — but marked in the
    // evidence, so nobody reads it as a signature of someone who took part.
    const presence = await meetingPresence({ ...context, participantId: p.id, since: null, now });
    authMethod = `${presence.connected ? IN_PERSON_METHOD : IN_PERSON_NOT_CONNECTED_METHOD}:${me.participantId}`;
  }
  if (!doc.parties.some((p) => p.participantId === signer.participantId)) {
    throw new AppError("FORBIDDEN", "This person is not asked to sign this version");
  }
  assertCan(signer.role as Me["role"], "sign", "agreement");
  if (normaliseName(confirmation.typedName) !== normaliseName(signer.name)) {
    throw new AppError("INVALID_INPUT", "The name does not match the name registered for this person", { typedName: "mismatch" });
  }
  return { ...signer, authMethod };
}
