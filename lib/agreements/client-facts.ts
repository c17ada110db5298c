import { randomBytes } from "node:crypto";
import { z } from "zod";
import { canonicalBytes } from "./canonical-json";
import { sha256Hex } from "./fingerprint";

/**
 * Where a person was when they signed — the IP address and the device string (user agent) the
 * request reported — kept as evidence without showing it to everyone who holds a copy.
 *
 * The hash-chained event carries only a commitment: SHA-256 of the canonical
 * `{ ip, salt, userAgent }` with 32 random bytes of salt. The salt is what makes it hiding: an
 * unsalted hash of an IPv4 address is undone by trying all 2³² of them. The opening (the three
 * values) is stored beside the event, outside what is hashed, and goes only into the job centre's
 * copy of the verification file; every copy verifies, and a copy with the opening proves the
 * values are the ones recorded at the time.
 */
/** What the request says about the device, recorded with each event ("as reported": a proxy may set it). */
export type ClientFacts = { ip: string | null; userAgent: string | null };

export type ClientOpening = { ip: string | null; userAgent: string | null; salt: string };

export const clientOpeningSchema = z.strictObject({
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  salt: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "expected 32 bytes of salt, base64url"),
});

/** A fresh opening for what a request reported. */
export function openClientFacts(facts: ClientFacts): ClientOpening {
  return { ip: facts.ip, userAgent: facts.userAgent, salt: randomBytes(32).toString("base64url") };
}

/** The commitment an event records. */
export function clientCommitment(opening: ClientOpening): string {
  return sha256Hex(canonicalBytes({ ip: opening.ip, salt: opening.salt, userAgent: opening.userAgent }));
}

/** Does this opening belong to that commitment? */
export function opensCommitment(opening: ClientOpening, commitment: string | null): boolean {
  return commitment !== null && clientCommitment(opening) === commitment;
}
