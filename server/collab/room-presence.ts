import type * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { CollabLog } from "./options";
import type { RoomChannel } from "./fanout";
import { encodeAwareness } from "./protocol";
import {
  claimedParticipant,
  encodeAwarenessEntries,
  guardAwareness,
  stampIdentity,
  type AwarenessEntry,
  type PresenceIdentity,
} from "./awareness-guard";

/** What presence needs of a connection. */
export type PresenceMember = {
  readonly participantId: string;
  /** Name, role and colour from the participant record: stamped on every presence it writes. */
  readonly identity: PresenceIdentity | null;
  /** awareness clientIDs this connection speaks for */
  readonly controlled: Set<number>;
  send(frame: Uint8Array): void;
};

/** Owner and origin of entries that came from another instance over the fan-out. */
const REMOTE = Object.freeze({ remote: true });
const isMember = (o: PresenceMember | typeof REMOTE | undefined): o is PresenceMember => o !== undefined && o !== REMOTE;
/** Origin of removals when a local member leaves (published, unlike the 30 s sweep's). */
const LEAVE = Object.freeze({ leave: true });

/**
 * A room's awareness (cursors, who is here): who controls which clientID, the per-connection and
 * per-room caps, relaying every change to the room's members, and fanning local changes out to
 * the other instances. Nothing here is stored.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  channel: RoomChannel | null = null;
  private readonly owners = new Map<number, PresenceMember | typeof REMOTE>();
  private closed = false;

  constructor(
    doc: Y.Doc,
    private readonly members: ReadonlySet<PresenceMember>,
    private readonly opts: { room: string; maxPerConnection: number; maxPerRoom: number; log: CollabLog },
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own; without this it would publish `{}` to every client.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onUpdate);
  }

  get size(): number {
    return this.awareness.getStates().size;
  }

  /** Greet a new member with everyone's presence. */
  greet(member: PresenceMember): void {
    if (this.size > 0) this.sendAll(member);
  }

  sendAll(member: PresenceMember): void {
    const ids = [...this.awareness.getStates().keys()];
    member.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /** Like the reference server: a closed tab's carets vanish for everyone else at once. */
  leave(member: PresenceMember): void {
    if (member.controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...member.controlled], LEAVE);
  }

  /** Apply a member's (decoded) awareness entries. Returns false on a spoof (nothing applied). */
  apply(member: PresenceMember, entries: AwarenessEntry[]): boolean {
    const verdict = guardAwareness({
      entries,
      participantId: member.participantId,
      controlled: member.controlled,
      ownerOf: (id) => this.owners.get(id),
      self: member,
      maxEntries: this.opts.maxPerConnection,
      roomSize: this.size,
      maxRoomEntries: this.opts.maxPerRoom,
      // A client that moved here from a dead instance finds its old entry held for that
      // instance until the 30 s sweep; it may take it back, but nobody else may.
      mayTakeOver: (id) => {
        if (this.owners.get(id) !== REMOTE) return false;
        const claimed = claimedParticipant(this.awareness.getStates().get(id));
        return claimed === undefined || claimed === member.participantId;
      },
    });
    if (verdict.kind === "spoof") return false;
    if (verdict.entries.length > 0) {
      const entries = member.identity ? stampIdentity(verdict.entries, member.identity) : verdict.entries;
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), member);
    }
    return true;
  }

  /** An awareness update another instance published (already guarded there). */
  applyRemote(update: Uint8Array): void {
    if (this.closed) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  // Track who controls which clientID, relay every change to ALL members, the sender included
  // (the stock client closes a socket that has received nothing for 30 s), and publish what
  // local members changed. The 30 s sweep's removals (origin "timeout") are not published:
  // every instance sweeps on its own.
  private onUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (this.closed) return;
    // Also runs from the Awareness sweep timer, where a throw would be an uncaught exception.
    try {
      const member = this.members.has(origin as PresenceMember) ? (origin as PresenceMember) : null;
      for (const id of [...change.added, ...change.updated]) {
        if (member) {
          const previous = this.owners.get(id);
          if (isMember(previous) && previous !== member) previous.controlled.delete(id);
          this.owners.set(id, member);
          member.controlled.add(id);
        } else if (origin === REMOTE && !this.owners.has(id)) {
          this.owners.set(id, REMOTE);
        }
      }
      for (const id of change.removed) {
        const owner = this.owners.get(id);
        if (isMember(owner)) owner.controlled.delete(id);
        this.owners.delete(id);
      }
      const changed = [...change.added, ...change.updated, ...change.removed];
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      const frame = encodeAwareness(update);
      for (const m of this.members) m.send(frame);
      if (this.channel && (member || origin === LEAVE)) this.channel.publishAwareness(update);
    } catch (e) {
      this.opts.log("awareness relay failed", { room: this.opts.room, error: String(e) });
    }
  };

  /** Stop the awareness sweep interval (y-protocols keeps one per Awareness). */
  destroy(): void {
    this.closed = true;
    this.awareness.off("update", this.onUpdate);
    this.awareness.destroy();
  }
}
