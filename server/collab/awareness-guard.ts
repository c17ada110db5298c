import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";

/**
 * Awareness is unauthenticated in y-protocols: any client may set or clear any clientID's state
 * (y-websocket#126, ygo#116). Before a client's awareness update reaches the room we keep only
 * the entries it may speak for, and refuse the whole frame if it claims another participant.
 */
export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

export type AwarenessVerdict = { kind: "spoof"; claimed: unknown } | { kind: "ok"; entries: AwarenessEntry[]; ignored: number };

/** Throws on a malformed update (the caller closes the sender with 1007). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state: unknown = JSON.parse(decoding.readVarString(d));
    if (state !== null && (typeof state !== "object" || Array.isArray(state))) {
      throw new Error("awareness state must be an object or null");
    }
    entries.push({ clientId, clock, state });
  }
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientId);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, JSON.stringify(x.state));
  }
  return encoding.toUint8Array(e);
}

/**
 * Keep the entries this connection may write: clientIDs it already controls, or new ones up to
 * `maxEntries` per connection and `maxRoomEntries` in the room (`roomSize` entries now, counting
 * other instances' clients). An entry for a clientID another connection controls is ignored (it
 * could clear someone else's caret; usually it is the stock client echoing others' presence),
 * unless `mayTakeOver` allows it: a client that moved here from an instance that died still has
 * its entry there, held for that instance (see Room). Among the entries this socket may write, a
 * state whose `user.participantId` is not the connection's own makes the whole frame a spoof:
 * nothing of it is applied. States without `user` (the stock client's initial `{}`) pass.
 */
export function guardAwareness(input: {
  entries: AwarenessEntry[];
  participantId: string;
  controlled: ReadonlySet<number>;
  ownerOf: (clientId: number) => object | undefined;
  self: object;
  maxEntries: number;
  roomSize?: number;
  maxRoomEntries?: number;
  mayTakeOver?: (clientId: number) => boolean;
}): AwarenessVerdict {
  const kept: AwarenessEntry[] = [];
  let ignored = 0;
  const admitted = new Set<number>();
  let added = 0;
  const roomFull = () => (input.roomSize ?? 0) + added >= (input.maxRoomEntries ?? Infinity);
  for (const entry of input.entries) {
    const owner = input.ownerOf(entry.clientId);
    const mayTakeOver = owner !== undefined && owner !== input.self && (input.mayTakeOver?.(entry.clientId) ?? false);
    // Another connection's entry: the stock y-websocket client echoes every remote presence change
    // back to the server, so this is normally an echo, not an attack. Either way it is not this
    // socket's to write; skip it quietly rather than calling the whole frame a spoof.
    if (owner !== undefined && owner !== input.self && !mayTakeOver) {
      ignored++;
      continue;
    }
    if (entry.state !== null && typeof entry.state === "object" && "user" in entry.state) {
      const user = (entry.state as { user: unknown }).user;
      const claimed = user && typeof user === "object" ? (user as { participantId?: unknown }).participantId : undefined;
      if (claimed !== input.participantId) return { kind: "spoof", claimed };
    }
    const room = owner === undefined ? !roomFull() : mayTakeOver;
    if (owner === input.self || admitted.has(entry.clientId)) {
      kept.push(entry);
    } else if (room && entry.state !== null && input.controlled.size + admitted.size < input.maxEntries) {
      admitted.add(entry.clientId);
      if (owner === undefined) added++;
      kept.push(entry);
    } else {
      ignored++;
    }
  }
  return { kind: "ok", entries: kept, ignored };
}

/** The participant an awareness state claims, if any. */
export function claimedParticipant(state: unknown): unknown {
  if (state === null || typeof state !== "object" || !("user" in state)) return undefined;
  const user = (state as { user: unknown }).user;
  return user && typeof user === "object" ? (user as { participantId?: unknown }).participantId : undefined;
}

/** Who a connection is, as its participant record says: what every presence it writes shows. */
export type PresenceIdentity = { participantId: string; name: string; role: string; color: string };

/**
 * Overwrite the identity in each state with the connection's own (issue 12.10): `user` becomes
 * exactly the participant record's id, name, role and colour, whatever the client wrote there
 * (another person's name, a different role, extra fields). A state without `user` is left as it
 * is (the stock client's initial `{}`, or a shared screen that shows no presence); so is
 * everything beside `user` (the field a person is in). Runs after guardAwareness, which has
 * already refused a state claiming another participant's id.
 */
export function stampIdentity(entries: AwarenessEntry[], identity: PresenceIdentity): AwarenessEntry[] {
  return entries.map((entry) => {
    if (entry.state === null || typeof entry.state !== "object" || !("user" in entry.state)) return entry;
    return { ...entry, state: { ...(entry.state as Record<string, unknown>), user: { ...identity } } };
  });
}
