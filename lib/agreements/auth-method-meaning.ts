/**
 * How a signature event says the signer was authenticated (`authMethod`), and what that means in
 * words for pages and the PDF. Pure: client components read it too.
 */

/** The auth-method prefix of a signature witnessed at the caseworker's shared screen. */
export const IN_PERSON_METHOD = "in-person-verified-by-caseworker";
/**
 * The same, for a signer who was never connected to the meeting's room: the evidence says so
 * plainly (a different prefix, so no reader can take it for the ordinary case).
 */
export const IN_PERSON_NOT_CONNECTED_METHOD = "in-person-signer-not-connected-verified-by-caseworker";

/** The auth-method prefix of a signature on one's own device right after a national eID sign-in. */
export const EID_METHOD = "own-device:eid";

/** `own-device:eid:<level>:<acr>`: the level as we read it, then the broker's `acr` exactly as sent. */
export function eidAuthMethod(level: string, acr: string): string {
  return `${EID_METHOD}:${level}:${acr}`;
}

/** What an event's auth method says, for pages and the PDF. */
export type AuthMethodMeaning =
  | { kind: "in-person"; witnessParticipantId: string; signerConnected: boolean }
  | { kind: "eid"; level: string; acr: string }
  | { kind: "own-device"; how: string }
  | { kind: "other"; raw: string };

export function describeAuthMethod(authMethod: string): AuthMethodMeaning {
  if (authMethod.startsWith(`${IN_PERSON_NOT_CONNECTED_METHOD}:`)) {
    return { kind: "in-person", witnessParticipantId: authMethod.slice(IN_PERSON_NOT_CONNECTED_METHOD.length + 1), signerConnected: false };
  }
  if (authMethod.startsWith(`${IN_PERSON_METHOD}:`))
    return { kind: "in-person", witnessParticipantId: authMethod.slice(IN_PERSON_METHOD.length + 1), signerConnected: true };
  if (authMethod.startsWith(`${EID_METHOD}:`)) {
    const rest = authMethod.slice(EID_METHOD.length + 1);
    const i = rest.indexOf(":");
    if (i > 0) return { kind: "eid", level: rest.slice(0, i), acr: rest.slice(i + 1) };
  }
  if (authMethod.startsWith("own-device:")) return { kind: "own-device", how: authMethod.slice("own-device:".length) };
  return { kind: "other", raw: authMethod };
}
