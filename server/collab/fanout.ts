import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";

/**
 * Fan-out between instances serving the same rooms (see redis-fanout.ts for the Redis one).
 * PostgreSQL stays the source of truth; the fan-out only carries, in one hop, what one instance
 * has already committed (updates) or holds in memory (awareness) to the others that have the room
 * loaded. It never stores anything.
 */
export type FanoutHandlers = {
  /** Updates another instance committed, in its commit order. */
  updates(updates: Uint8Array[]): void;
  /** An awareness update (y-protocols encoding) from another instance's clients. */
  awareness(update: Uint8Array): void;
};

/** One room's channel on this instance. */
export type RoomChannel = {
  /** Start delivering; messages that arrived since join() resolved are delivered first, in order. */
  attach(handlers: FanoutHandlers): void;
  /** Committed updates only: a remote peer must never see what the database may not hold. */
  publishUpdates(updates: Uint8Array[]): void;
  publishAwareness(update: Uint8Array): void;
  /** Unsubscribe (room unloaded). */
  leave(): void;
};

export type Fanout = {
  readonly instanceId: string;
  /**
   * Subscribe to a room's channel and resolve once the subscription is confirmed, so that the
   * room's load, which starts after, misses nothing: whatever was committed before the load's
   * snapshot is in it, and whatever was committed after is published after we subscribed.
   */
  join(room: string): Promise<RoomChannel>;
  /**
   * Called after the connection to the bus came back: messages may have been lost meanwhile, so
   * every loaded room catches up from the database.
   */
  onResync(callback: () => void): void;
  close(): Promise<void>;
};

// ---- the wire format of one bus message ----

const VERSION = 1;
const Kind = { updates: 0, awareness: 1, catchUp: 2 } as const;

/**
 * `catch-up`: the sender committed updates it could not publish (the bus was down); whoever hears
 * it reads its loaded rooms' tails from PostgreSQL, which already holds them.
 */
export type BusMessage =
  | { from: string; kind: "updates"; updates: Uint8Array[] }
  | { from: string; kind: "awareness"; update: Uint8Array }
  | { from: string; kind: "catch-up" };

/** [version][from][kind][payload]; `from` is the publishing instance, which ignores its own. */
export function encodeBusMessage(m: BusMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, VERSION);
  encoding.writeVarString(e, m.from);
  if (m.kind === "updates") {
    encoding.writeVarUint(e, Kind.updates);
    encoding.writeVarUint(e, m.updates.length);
    for (const u of m.updates) encoding.writeVarUint8Array(e, u);
  } else if (m.kind === "awareness") {
    encoding.writeVarUint(e, Kind.awareness);
    encoding.writeVarUint8Array(e, m.update);
  } else {
    encoding.writeVarUint(e, Kind.catchUp);
  }
  return encoding.toUint8Array(e);
}

/** Throws on a message of an unknown version or kind (a newer instance during a rolling upgrade). */
export function decodeBusMessage(bytes: Uint8Array): BusMessage {
  const d = decoding.createDecoder(bytes);
  const version = decoding.readVarUint(d);
  if (version !== VERSION) throw new Error(`unknown bus message version ${version}`);
  const from = decoding.readVarString(d);
  const kind = decoding.readVarUint(d);
  if (kind === Kind.updates) {
    const n = decoding.readVarUint(d);
    const updates: Uint8Array[] = [];
    // Copies: the views would otherwise keep the whole message buffer alive in the doc's history.
    for (let i = 0; i < n; i++) updates.push(decoding.readVarUint8Array(d).slice());
    return { from, kind: "updates", updates };
  }
  if (kind === Kind.awareness) return { from, kind: "awareness", update: decoding.readVarUint8Array(d).slice() };
  if (kind === Kind.catchUp) return { from, kind: "catch-up" };
  throw new Error(`unknown bus message kind ${kind}`);
}
