import * as Y from "yjs";
import { Room } from "./room";
import type { CommitQueue } from "./commit-queue";
import type { ResolvedOptions } from "./options";
import type { Fanout, RoomChannel } from "./fanout";

/**
 * The loaded rooms of this server and their life cycle: one shared load per room, unload after
 * the last member left (cancelled by a joiner), compaction at most one at a time per document.
 * A room is in at most one of `loading`, `rooms`; `unloading` shadows `rooms` while an unload
 * waits for the room's last commits, and a joiner waits it out and then loads fresh (#995).
 * With a fan-out (several instances), a room subscribes to its channel BEFORE it loads: see load().
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room | null>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>();
  private readonly compactions = new Map<string, { running: Promise<void>; again: boolean }>();
  private closed = false;

  constructor(
    private readonly opts: ResolvedOptions,
    readonly queue: CommitQueue,
    private readonly fanout: Fanout | null = null,
  ) {
    fanout?.onResync(() => void this.catchUpAll());
  }

  get size(): number {
    return this.rooms.size;
  }

  /**
   * The live room for `name`, loading it if needed; null when no such document exists. Throws
   * when the load fails: the caller closes with 1011, and nothing is cached, so the next joiner
   * tries again. The caller must join synchronously after this resolves (or call `release`),
   * else the room could be unloaded under it.
   */
  async acquire(name: string): Promise<Room | null> {
    for (;;) {
      if (this.closed) throw new Error("the server is shutting down");
      const unloading = this.unloading.get(name);
      if (unloading) {
        await unloading;
        continue;
      }
      const live = this.rooms.get(name);
      if (live) {
        this.cancelUnload(live);
        return live;
      }
      let load = this.loading.get(name);
      if (!load) {
        load = this.load(name);
        this.loading.set(name, load);
        const forget = () => this.loading.delete(name);
        load.then(forget, forget);
      }
      const room = await load;
      // A commit failure may have evicted it in the meantime: go round and load again.
      if (room && !room.alive) continue;
      if (room) this.cancelUnload(room);
      return room;
    }
  }

  /** A joiner gave up (its socket closed while loading): unload the room if nobody else is in. */
  release(room: Room): void {
    if (room.alive && room.members.size === 0) this.scheduleUnload(room);
  }

  /**
   * Subscribe first, then load: whatever another instance committed before our load's snapshot
   * is in the load, whatever it committed after is published after our subscription was
   * confirmed, so it reaches us. Messages that arrive during the load are held by the channel
   * and applied once the room exists (Yjs updates are idempotent, so overlap is harmless).
   */
  private async load(name: string): Promise<Room | null> {
    const channel = this.fanout ? await this.fanout.join(name) : null;
    let loaded;
    try {
      loaded = await this.opts.deps.load(name);
    } catch (e) {
      channel?.leave();
      throw e;
    }
    if (!loaded) {
      channel?.leave();
      return null;
    }
    if (loaded.skipped) this.opts.log("loaded around stored updates that cannot be applied", { room: name, skipped: loaded.skipped });
    const room = new Room(
      name,
      loaded.doc,
      loaded.storedUpdates,
      {
        queue: this.queue,
        compactAfterUpdates: this.opts.compactAfterUpdates,
        maxAwarenessPerConnection: this.opts.maxAwarenessPerConnection,
        maxAwarenessPerRoom: this.opts.maxAwarenessPerRoom,
        maxDocBytes: this.opts.maxDocBytes,
        schema: this.opts.docSchema(name),
        compactDue: (r) => {
          r.uncompacted = 0;
          this.compact(r.name);
        },
        failed: (r) => this.evict(r),
        emptied: (r) => this.scheduleUnload(r),
        log: this.opts.log,
      },
      loaded.organisationId ?? null,
    );
    if (channel) this.attach(room, channel);
    this.rooms.set(name, room);
    // A long tail (a log written while the room was never unloaded cleanly, or imported) is
    // folded into the snapshot now, so the next cold join reads one row and a short tail.
    if (loaded.storedUpdates >= this.opts.compactAfterUpdates) {
      room.uncompacted = 0;
      this.compact(name);
    }
    return room;
  }

  private attach(room: Room, channel: RoomChannel): void {
    try {
      room.attachChannel(channel);
    } catch (e) {
      this.opts.log("fan-out attach failed", { room: room.name, error: String(e) });
    }
  }

  /**
   * The bus lost messages (its connection dropped): every loaded room merges the stored state.
   * Remote updates are committed before they are published, so the database has all of them.
   */
  private async catchUpAll(): Promise<void> {
    for (const room of [...this.rooms.values()]) {
      try {
        const stored = await this.opts.deps.load(room.name);
        if (stored && room.alive) room.catchUp(Y.encodeStateAsUpdate(stored.doc, Y.encodeStateVector(room.doc)));
        stored?.doc.destroy();
      } catch (e) {
        this.opts.log("catch-up after bus reconnect failed", { room: room.name, error: String(e) });
      }
    }
  }

  private scheduleUnload(room: Room): void {
    if (this.closed || !room.alive || this.unloadTimers.has(room)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room);
      if (room.members.size === 0 && room.alive) void this.unload(room);
    }, this.opts.unloadAfterMs);
    this.unloadTimers.set(room, timer);
  }

  private cancelUnload(room: Room): void {
    const t = this.unloadTimers.get(room);
    if (t) clearTimeout(t);
    this.unloadTimers.delete(room);
  }

  /** Wait for the room's last commits, drop it, free its doc, then fold its log in the background. */
  unload(room: Room): Promise<void> {
    const name = room.name;
    const existing = this.unloading.get(name);
    if (existing) return existing;
    this.cancelUnload(room);
    const done = (async () => {
      await room.whenFlushed();
      if (this.rooms.get(name) === room) this.rooms.delete(name);
      const fold = room.alive && room.uncompacted > 0;
      room.destroy();
      if (fold) this.compact(name);
    })();
    this.unloading.set(name, done);
    const forget = () => this.unloading.delete(name);
    done.then(forget, forget);
    return done;
  }

  /** A commit failed: the doc diverged from the database. Drop it at once, no compaction. */
  private evict(room: Room): void {
    this.cancelUnload(room);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    room.destroy();
  }

  /** Compact in the background, one run per document at a time; a request during a run queues one more. */
  compact(name: string): void {
    const current = this.compactions.get(name);
    if (current) {
      current.again = true;
      return;
    }
    const entry = { running: Promise.resolve(), again: false };
    entry.running = (async () => {
      do {
        entry.again = false;
        try {
          await this.opts.deps.compact(name);
        } catch (e) {
          this.opts.log("compaction failed", { room: name, error: String(e) });
        }
      } while (entry.again);
      this.compactions.delete(name);
    })();
    this.compactions.set(name, entry);
  }

  /**
   * Shutdown: refuse new loads, finish those under way, unload every room (each waits for its
   * commits), finish compactions.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.loading.values()]);
    await Promise.allSettled([...this.unloading.values()]);
    await Promise.allSettled([...this.rooms.values()].map((r) => this.unload(r)));
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    while (this.compactions.size > 0) {
      await Promise.allSettled([...this.compactions.values()].map((c) => c.running));
    }
  }
}
