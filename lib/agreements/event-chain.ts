import { AppError } from "../errors";
import { canonicalBytes } from "./canonical-json";
import { clientCommitment, type ClientOpening } from "./client-facts";
import { isSha256Hex, sha256Hex } from "./fingerprint";
import { describeProblem, problem, type Problem } from "./verification-problem";

/**
 * The signature events of one agreement version, hash-chained: each event's `hash` is SHA-256 of
 * the canonical JSON of the event without `hash` (so including `prevHash`), and the first event's
 * `prevHash` is the agreement fingerprint. Editing, deleting, inserting or reordering an event, or
 * moving the chain onto another agreement, breaks a link. The database's append-only trigger stops
 * it happening; the chain proves it did not, to someone who does not trust the database. Who
 * wrote an event is proved apart from the chain: the server signs every event it stores
 * (event-attestation.ts), since anyone able to INSERT a row can also compute a hash.
 *
 * Every field is always present (null when it does not apply) so the hashed shape never depends
 * on which optional fields a writer happened to set.
 *
 * Two shapes exist. Written now: `client` — a salted commitment to the IP address and device
 * string (client-facts.ts), so a copy without them still verifies. Written before (format 1, read
 * and verified, never written): `ip` and `userAgent` in clear text inside the hashed event. The
 * hash covers the field names too, so neither shape can pass for the other.
 */

export const EVENT_TYPES = ["prepared", "signed", "declined", "sealed"] as const;
export type SignatureEventType = (typeof EVENT_TYPES)[number];

type EventBase = {
  /** 1, 2, 3… in chain order. */
  seq: number;
  type: SignatureEventType;
  /** ISO 8601 UTC with milliseconds, as Date.prototype.toISOString writes it. */
  at: string;
  participantId: string | null;
  role: string | null;
  /** The name as shown to the others when they signed (people change names; evidence does not). */
  name: string | null;
  /** How the server knew who this was: "join-link", "email-link", "oidc", … */
  authMethod: string | null;
  /** SHA-256 hex of exactly the bytes the person was shown: the fingerprint, when it is this agreement. */
  shownHash: string | null;
  /** Why they declined; only on "declined". */
  reason: string | null;
  prevHash: string;
  hash: string;
};

/** The event as written now: IP address and device only as a salted commitment. */
export type CommittedEvent = EventBase & {
  /** SHA-256 hex of the canonical { ip, salt, userAgent }, or null when nothing was reported. */
  client: string | null;
};

/** The event as written before the commitment (format 1): read and verified, never written. */
export type LegacyEvent = EventBase & { ip: string | null; userAgent: string | null };

export type SignatureEvent = CommittedEvent | LegacyEvent;
/** An event before its hash is computed, in either shape. */
export type UnhashedEvent = Omit<CommittedEvent, "hash"> | Omit<LegacyEvent, "hash">;

export function isLegacyEvent<E extends UnhashedEvent>(e: E): e is Extract<E, { ip: string | null }> {
  return !("client" in e);
}

/** What a caller supplies; the chain fills in seq, prevHash, hash and the commitment. */
export type SignatureEventInput = {
  type: SignatureEventType;
  at: Date | string;
  participantId?: string | null;
  role?: string | null;
  name?: string | null;
  authMethod?: string | null;
  /** What the request reported (openClientFacts); the event records only its commitment. */
  client?: ClientOpening | null;
  shownHash?: string | null;
  reason?: string | null;
};

export type ChainVerification = { ok: true; head: string } | { ok: false; problem: Problem; why: string };

/** SHA-256 of the canonical event without `hash`. Picks fields explicitly so extra properties
 *  (a database row's agreement id, say) never leak into what is hashed. */
export function eventHash(event: UnhashedEvent): string {
  return sha256Hex(canonicalBytes(hashedFields(event)));
}

/** Exactly the fields that are hashed (and stored, and exported), in either shape. */
export function hashedFields(event: UnhashedEvent): UnhashedEvent {
  const base = {
    seq: event.seq,
    type: event.type,
    at: event.at,
    participantId: event.participantId,
    role: event.role,
    name: event.name,
    authMethod: event.authMethod,
    shownHash: event.shownHash,
    reason: event.reason,
    prevHash: event.prevHash,
  };
  return isLegacyEvent(event) ? { ...base, ip: event.ip, userAgent: event.userAgent } : { ...base, client: event.client };
}

/** The same event with its hash, fields picked as hashed. */
export function pickEvent(e: SignatureEvent): SignatureEvent {
  return { ...hashedFields(e), hash: e.hash } as SignatureEvent;
}

/** The hash the next event links to: the last event's hash, or the fingerprint for an empty chain. */
export function chainHead(fingerprint: string, events: readonly SignatureEvent[]): string {
  return events.at(-1)?.hash ?? fingerprint;
}

/**
 * The next event of the chain. Refuses what would make bad evidence: a signature without who,
 * how and what was shown; a signature over something other than this agreement; a decline
 * without a reason; anything after the seal.
 */
export function appendEvent(fingerprint: string, events: readonly SignatureEvent[], input: SignatureEventInput): CommittedEvent {
  if (!isSha256Hex(fingerprint)) throw new AppError("INVALID_INPUT", "The agreement fingerprint is not a SHA-256 hex digest");
  if (events.some((e) => e.type === "sealed")) throw new AppError("CONFLICT", "The agreement is sealed; no further events");
  if (!(EVENT_TYPES as readonly string[]).includes(input.type))
    throw new AppError("INVALID_INPUT", `Unknown event type ${String(input.type)}`);

  const fields = {
    participantId: input.participantId ?? null,
    role: input.role ?? null,
    name: input.name ?? null,
    authMethod: input.authMethod ?? null,
    shownHash: input.shownHash ?? null,
    reason: input.reason ?? null,
  };
  const missing = requiredFields(input.type).filter((f) => !fields[f]);
  if (missing.length > 0) {
    throw new AppError(
      "INVALID_INPUT",
      `A "${input.type}" event needs ${missing.join(", ")}`,
      Object.fromEntries(missing.map((f) => [f, "required"])),
    );
  }
  if (fields.shownHash !== null && !isSha256Hex(fields.shownHash)) {
    throw new AppError("INVALID_INPUT", "shownHash is not a SHA-256 hex digest", { shownHash: "invalid" });
  }
  if (input.type === "signed" && fields.shownHash !== fingerprint) {
    // The signer was shown a different version than the one this chain belongs to.
    throw new AppError("CONFLICT", "The signer was shown a different version of the agreement");
  }

  const unhashed: Omit<CommittedEvent, "hash"> = {
    seq: events.length + 1,
    type: input.type,
    at: toIsoTime(input.at),
    ...fields,
    client: input.client ? clientCommitment(input.client) : null,
    prevHash: chainHead(fingerprint, events),
  };
  return { ...unhashed, hash: eventHash(unhashed) };
}

/** Checks order, links and hashes from the fingerprint to the last event. */
export function verifyChain(fingerprint: string, events: readonly SignatureEvent[]): ChainVerification {
  const fail = (p: Problem): ChainVerification => ({ ok: false, problem: p, why: describeProblem(p) });
  let prev = fingerprint;
  for (const [i, e] of events.entries()) {
    const n = i + 1;
    if (e.seq !== n) return fail(problem("chainSeq", { n, seq: e.seq }));
    if (e.prevHash !== prev) return fail(i === 0 ? problem("chainFirstLink", { n }) : problem("chainLink", { n, prev: i }));
    if (eventHash(e) !== e.hash) return fail(problem("eventAltered", { n, type: e.type }));
    prev = e.hash;
  }
  return { ok: true, head: prev };
}

/** Canonical ISO 8601 time (`2025-03-04T09:30:00.000Z`); any other spelling is refused. */
export function toIsoTime(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) throw new AppError("INVALID_INPUT", "Not a valid time", { at: "invalid" });
  const iso = d.toISOString();
  if (typeof at === "string" && at !== iso) throw new AppError("INVALID_INPUT", `Time must be written as ${iso}`, { at: "invalid" });
  return iso;
}

type OptionalField = "participantId" | "role" | "name" | "authMethod" | "shownHash" | "reason";

function requiredFields(type: SignatureEventType): OptionalField[] {
  switch (type) {
    case "signed":
      return ["participantId", "role", "authMethod", "shownHash"];
    case "declined":
      return ["participantId", "role", "authMethod", "shownHash", "reason"];
    case "prepared":
      return ["participantId", "role", "shownHash"];
    case "sealed":
      return [];
  }
}
