import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { CommitQueue, CommitTarget } from "./commit-queue";
import type { CollabLog } from "./options";
import { CloseCode } from "./close-codes";
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "./protocol";
import { decodeAwarenessUpdate, encodeAwarenessEntries, guardAwareness } from "./awareness-guard";

/** What a room needs of a connection. */
export type RoomMember = {
  readonly participantId: string;
  /** awareness clientIDs this connection speaks for */
  readonly controlled: Set<number>;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
};

export type RoomHooks = {
  queue: CommitQueue;
  compactAfterUpdates: number;
  /** Awareness entries one connection may control (a tab has one; a few for tests/tools). */
  maxAwarenessPerConnection: number;
  compactDue(room: Room): void;
  failed(room: Room): void;
  emptied(room: Room): void;
  log: CollabLog;
};

// Ordered per room: updates wait for their commit, sync replies wait for every update before them.
type Outgoing =
  | { kind: "update"; data: Uint8Array; origin: RoomMember | null; committed: boolean }
  | { kind: "reply"; to: RoomMember; frame: Uint8Array };

/**
 * One loaded document and its connections. Invariant: no connection is ever sent an update, or
 * a sync reply containing one, before that update is committed to the database. The outbox is
 * the per-room barrier that keeps it: entries leave it strictly in order, each update only after
 * its commit.
 */
export class Room implements CommitTarget {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly members = new Set<RoomMember>();
  /** Rows in the update log not yet folded by a compaction (as far as this room knows). */
  uncompacted: number;
  private outbox: Outgoing[] = [];
  private flushWaiters: (() => void)[] = [];
  private readonly owners = new Map<number, RoomMember>();
  private closed = false;

  constructor(
    readonly name: string,
    doc: Y.Doc,
    storedUpdates: number,
    private readonly hooks: RoomHooks,
  ) {
    this.doc = doc;
    this.uncompacted = storedUpdates;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own; without this it would publish `{}` to every client.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onAwarenessUpdate);
    doc.on("update", this.onDocUpdate);
  }

  get alive(): boolean {
    return !this.closed;
  }

  // ---- joining and leaving ----

  /** Add a member and greet it: our state vector (it answers with what we lack), then presence. */
  join(member: RoomMember): void {
    this.members.add(member);
    member.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.awareness.getStates().size > 0) {
      member.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
    }
  }

  leave(member: RoomMember): void {
    if (!this.members.delete(member)) return;
    if (this.closed) return;
    // Like the reference server: a closed tab's carets vanish for everyone else at once.
    if (member.controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...member.controlled], null);
    if (this.members.size === 0) this.hooks.emptied(this);
  }

  // ---- the document ----

  /** Apply a client's update. Throws on an update Yjs rejects (the caller closes with 1007). */
  applyUpdate(member: RoomMember, update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, member);
  }

  /**
   * Answer a SyncStep1. The diff is computed now (it reflects every update applied so far) but
   * sent only once all of those are committed.
   */
  answerSyncStep1(member: RoomMember, stateVector: Uint8Array): void {
    const frame = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    if (this.outbox.length === 0) member.send(frame);
    else this.outbox.push({ kind: "reply", to: member, frame });
  }

  // Every effective change of the doc, whoever caused it. Empty or already-known updates don't
  // fire this event, so they are neither stored nor sent.
  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.closed) return;
    const member = this.members.has(origin as RoomMember) ? (origin as RoomMember) : null;
    this.outbox.push({ kind: "update", data: update, origin: member, committed: false });
    this.hooks.queue.enqueue(this, update);
  };

  onCommitted(count: number): void {
    if (this.closed) return;
    let left = count;
    for (const o of this.outbox) {
      if (left === 0) break;
      if (o.kind === "update" && !o.committed) {
        o.committed = true;
        left--;
      }
    }
    this.drain();
    this.uncompacted += count;
    if (this.uncompacted >= this.hooks.compactAfterUpdates) this.hooks.compactDue(this);
  }

  /**
   * The database refused updates this doc already holds: the doc has diverged from what is
   * stored. Nothing uncommitted is sent; every member is closed with 1011 and the room evicted,
   * so reconnecting clients load the stored state and their authors send their edits again.
   */
  onCommitFailed(error: unknown): void {
    if (this.closed) return;
    this.hooks.log("room failed: commit refused", { room: this.name, error: String(error) });
    this.closed = true;
    this.outbox = [];
    for (const m of [...this.members]) m.close(CloseCode.internalError, "commit failed");
    this.hooks.failed(this);
  }

  private drain(): void {
    let i = 0;
    for (; i < this.outbox.length; i++) {
      const o = this.outbox[i]!;
      if (o.kind === "update") {
        if (!o.committed) break;
        const frame = encodeUpdate(o.data);
        for (const m of this.members) if (m !== o.origin) m.send(frame);
      } else if (this.members.has(o.to)) {
        o.to.send(o.frame);
      }
    }
    this.outbox.splice(0, i);
    if (this.outbox.length === 0) this.settleFlushWaiters();
  }

  /** Resolves when every update applied so far is committed (or the room is gone). */
  whenFlushed(): Promise<void> {
    if (this.outbox.length === 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.flushWaiters.push(resolve));
  }

  private settleFlushWaiters(): void {
    const w = this.flushWaiters;
    this.flushWaiters = [];
    for (const f of w) f();
  }

  // ---- presence ----

  /** Apply a client's awareness update; throws when it is malformed. Returns false on a spoof. */
  applyAwareness(member: RoomMember, update: Uint8Array): boolean {
    const verdict = guardAwareness({
      entries: decodeAwarenessUpdate(update),
      participantId: member.participantId,
      controlled: member.controlled,
      ownerOf: (id) => this.owners.get(id),
      self: member,
      maxEntries: this.hooks.maxAwarenessPerConnection,
    });
    if (verdict.kind === "spoof") return false;
    if (verdict.entries.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(verdict.entries), member);
    }
    return true;
  }

  sendAllAwareness(member: RoomMember): void {
    const ids = [...this.awareness.getStates().keys()];
    member.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  // Track who controls which clientID, and relay every change to ALL members, the sender
  // included: the stock client closes a socket that has received nothing for 30 s.
  private onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (this.closed) return;
    // Also runs from the Awareness sweep timer (states idle for 30 s), where a throw would be
    // an uncaught exception: hence the catch.
    try {
      const member = this.members.has(origin as RoomMember) ? (origin as RoomMember) : null;
      if (member) {
        for (const id of [...change.added, ...change.updated]) {
          this.owners.set(id, member);
          member.controlled.add(id);
        }
      }
      for (const id of change.removed) {
        this.owners.get(id)?.controlled.delete(id);
        this.owners.delete(id);
      }
      const changed = [...change.added, ...change.updated, ...change.removed];
      const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      for (const m of this.members) m.send(frame);
    } catch (e) {
      this.hooks.log("awareness relay failed", { room: this.name, error: String(e) });
    }
  };

  /** Free the doc and the awareness sweep timer (y-protocols keeps one interval per Awareness). */
  destroy(): void {
    this.closed = true;
    this.outbox = [];
    this.settleFlushWaiters();
    this.awareness.off("update", this.onAwarenessUpdate);
    this.doc.off("update", this.onDocUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
