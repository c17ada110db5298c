import * as Y from "yjs";
import type { CommitQueue, CommitTarget } from "./commit-queue";
import type { CollabLog } from "./options";
import type { RoomChannel } from "./fanout";
import { CloseCode } from "./close-codes";
import { DocSizeGuard } from "./doc-size";
import { RoomPresence, type PresenceMember } from "./room-presence";
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "./protocol";
import { UpdateShapeChecker } from "@/lib/collab/update-shape";
import type { DocSchema } from "@/lib/collab/schema-kit";

/** What a room needs of a connection. */
export type RoomMember = PresenceMember & {
  close(code: number, reason: string): void;
};

export type RoomHooks = {
  queue: CommitQueue;
  compactAfterUpdates: number;
  maxAwarenessPerConnection: number;
  maxAwarenessPerRoom: number;
  maxDocBytes: number;
  /** The shape every client update must keep (lib/collab/doc-schema.ts); null: not checked. */
  schema: DocSchema | null;
  compactDue(room: Room): void;
  failed(room: Room): void;
  emptied(room: Room): void;
  log: CollabLog;
};

/** Thrown by applyUpdate when the update would grow the document past its cap (close 1009). */
export class DocumentTooLarge extends Error {
  override name = "DocumentTooLarge";
}

/**
 * Thrown by applyUpdate when the update would make the document break its schema (nothing
 * applied). `unresolved`: it depends on content the server lacks; the sender should resync.
 */
export class UpdateRefused extends Error {
  override name = "UpdateRefused";
  constructor(
    reason: string,
    readonly unresolved: boolean,
  ) {
    super(reason);
  }
}

/** Thrown by applyUpdate when Yjs threw while applying: the room has failed and is being reloaded. */
export class ApplyFailed extends Error {
  override name = "ApplyFailed";
}

/** Origin of updates another instance committed and published. */
const REMOTE = Object.freeze({ remote: true });

// Ordered per room: updates wait for their commit, sync replies wait for every update before them.
type Outgoing =
  | { kind: "update"; data: Uint8Array; origin: RoomMember | null; committed: boolean }
  | { kind: "reply"; to: RoomMember; frame: Uint8Array };

/**
 * One loaded document and its connections. Invariant: no connection — here, or on another
 * instance through the fan-out — is ever sent an update, or a sync reply containing one, before
 * that update is committed to the database. The outbox is the per-room barrier that keeps it:
 * entries leave it strictly in order, each local update only after its commit, and only then is
 * it published to the other instances. Updates from other instances are committed already: they
 * enter the outbox as such and are neither stored again nor published again.
 */
export class Room implements CommitTarget {
  readonly doc: Y.Doc;
  readonly presence: RoomPresence;
  readonly members = new Set<RoomMember>();
  /** Rows in the update log not yet folded by a compaction (as far as this room knows). */
  uncompacted: number;
  private channel: RoomChannel | null = null;
  private readonly size: DocSizeGuard;
  private readonly shape: UpdateShapeChecker | null;
  /** While Yjs applies an update: the document's update events, held until the apply succeeded. */
  private holding: [Uint8Array, unknown][] | null = null;
  private outbox: Outgoing[] = [];
  private flushWaiters: (() => void)[] = [];
  private closed = false;
  /** During a remote apply: whether it may carry local content too (see applyRemoteUpdates). */
  private remoteApply: "pure" | "mixed" | null = null;

  constructor(
    readonly name: string,
    doc: Y.Doc,
    storedUpdates: number,
    private readonly hooks: RoomHooks,
    /** The document's organisation (from its load): its commits are written in its scope. */
    readonly organisationId: string | null = null,
  ) {
    this.doc = doc;
    this.uncompacted = storedUpdates;
    this.size = new DocSizeGuard(doc, hooks.maxDocBytes);
    this.shape = hooks.schema ? new UpdateShapeChecker(doc, hooks.schema) : null;
    this.presence = new RoomPresence(doc, this.members, {
      room: name,
      maxPerConnection: hooks.maxAwarenessPerConnection,
      maxPerRoom: hooks.maxAwarenessPerRoom,
      log: hooks.log,
    });
    doc.on("update", this.onDocUpdate);
  }

  get alive(): boolean {
    return !this.closed;
  }

  /** Connect the room to the other instances; messages buffered since the subscription are applied now. */
  attachChannel(channel: RoomChannel): void {
    this.channel = channel;
    this.presence.channel = channel;
    channel.attach({
      updates: (updates) => this.applyRemoteUpdates(updates),
      awareness: (update) => this.presence.applyRemote(update),
    });
  }

  // ---- joining and leaving ----

  /** Add a member and greet it: our state vector (it answers with what we lack), then presence. */
  join(member: RoomMember): void {
    this.members.add(member);
    member.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    this.presence.greet(member);
  }

  leave(member: RoomMember): void {
    if (!this.members.delete(member)) return;
    if (this.closed) return;
    this.presence.leave(member);
    if (this.members.size === 0) this.hooks.emptied(this);
  }

  // ---- the document ----

  /**
   * Apply a client's validated update (`ends` from validateUpdate, `decoded` when validation kept
   * the decoded structs). Nothing is applied when it throws DocumentTooLarge (past the size cap) or
   * UpdateRefused (it would break the document's schema). ApplyFailed: Yjs threw while applying —
   * the room has failed (see failApply) and the caller closes the sender.
   */
  applyUpdate(member: RoomMember, update: Uint8Array, ends: readonly number[], decoded?: Parameters<UpdateShapeChecker["check"]>[1]): void {
    if (!this.size.admits(update.byteLength, ends)) throw new DocumentTooLarge(`document would exceed ${this.hooks.maxDocBytes} bytes`);
    if (this.shape) {
      let verdict;
      try {
        verdict = this.shape.check(update, decoded);
      } catch (e) {
        // A check that cannot decide must not let the update through unchecked.
        throw new UpdateRefused(`the shape check failed: ${String(e)}`, false);
      }
      if (!verdict.ok) throw new UpdateRefused(verdict.reason, verdict.unresolved);
    }
    if (!this.guardedApply(update, member, member)) throw new ApplyFailed("the update could not be applied; the room is reloading");
  }

  /**
   * Apply with the document's update events held back, so that nothing of an apply that throws
   * half-way is stored or sent. Such a document no longer matches the database (Yjs may have
   * integrated part of it, or left its transaction state behind): the room fails. False then.
   */
  private guardedApply(update: Uint8Array, origin: unknown, author: RoomMember | null): boolean {
    const held: [Uint8Array, unknown][] = [];
    this.holding = held;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (e) {
      this.holding = null;
      this.failApply(e, author);
      return false;
    }
    this.holding = null;
    for (const [u, o] of held) this.accept(u, o);
    return true;
  }

  /**
   * Yjs threw while applying (a stack overflow in a crafted structure, a bug): evict the room so
   * the next joiner loads what the database holds. Every member but the author is told 1011 and
   * reconnects; the author's connection closes it with its own code (it must not send it again).
   */
  private failApply(error: unknown, author: RoomMember | null): void {
    if (this.closed) return;
    this.hooks.log("room failed: apply threw", { room: this.name, error: String(error) });
    this.closed = true;
    this.outbox = [];
    for (const m of [...this.members]) if (m !== author) m.close(CloseCode.internalError, "room reloading");
    this.hooks.failed(this);
  }

  /**
   * Updates another instance committed. Yjs may integrate, in the same transaction, structs a
   * local client sent earlier that were waiting for exactly these (pending, never stored); the
   * emitted update then holds local content, so such an apply is treated like a local one:
   * stored and published (duplicates merge idempotently).
   */
  applyRemoteUpdates(updates: Uint8Array[]): void {
    for (const u of updates) {
      if (this.closed) return;
      const store = this.doc.store;
      this.remoteApply = store.pendingStructs || store.pendingDs ? "mixed" : "pure";
      try {
        if (!this.guardedApply(u, REMOTE, null)) return;
      } finally {
        this.remoteApply = null;
      }
    }
  }

  /** The database's state, after the bus lost messages: merge it (idempotent) without storing it again. */
  catchUp(state: Uint8Array): void {
    this.applyRemoteUpdates([state]);
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
    if (this.holding) this.holding.push([update, origin]);
    else this.accept(update, origin);
  };

  private accept(update: Uint8Array, origin: unknown): void {
    if (this.closed) return;
    this.size.grew(update.byteLength);
    if (origin === REMOTE && this.remoteApply === "pure") {
      this.outbox.push({ kind: "update", data: update, origin: null, committed: true });
      this.drain();
      return;
    }
    const member = this.members.has(origin as RoomMember) ? (origin as RoomMember) : null;
    this.outbox.push({ kind: "update", data: update, origin: member, committed: false });
    this.hooks.queue.enqueue(this, update);
  }

  onCommitted(count: number): void {
    if (this.closed) return;
    let left = count;
    const committed: Uint8Array[] = [];
    for (const o of this.outbox) {
      if (left === 0) break;
      if (o.kind === "update" && !o.committed) {
        o.committed = true;
        committed.push(o.data);
        left--;
      }
    }
    // Published only now, after the commit: another instance's clients never see an update the
    // database may not hold. One message per commit batch and room.
    this.channel?.publishUpdates(committed);
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

  /** The document's size as the cap sees it (tests, stats). */
  get docBytes(): number {
    return this.size.bytes;
  }

  /** Free the doc, its presence (and its sweep timer), and leave the room's channel. */
  destroy(): void {
    this.closed = true;
    this.outbox = [];
    this.settleFlushWaiters();
    this.channel?.leave();
    this.channel = null;
    this.presence.channel = null;
    this.doc.off("update", this.onDocUpdate);
    this.presence.destroy();
    try {
      this.doc.destroy();
    } catch (e) {
      // A document whose apply threw may be in any state; it is dropped either way.
      this.hooks.log("destroying a failed document threw", { room: this.name, error: String(e) });
    }
  }
}
