import { randomUUID } from "node:crypto";
import type { createClient } from "redis";
import { decodeBusMessage, encodeBusMessage, type Fanout, type FanoutHandlers, type RoomChannel } from "./fanout";
import type { CollabLog } from "./options";

type RedisClient = ReturnType<typeof createClient>;
type Subscriber = { handlers: FanoutHandlers | null; pending: (["u", Uint8Array[]] | ["a", Uint8Array])[] };
type Channel = { subscribed: Promise<void>; members: Set<Subscriber> };

/**
 * Redis pub/sub fan-out: one channel per room (`<prefix>:room:<name>`), so an instance receives
 * only the rooms it has loaded, and a message reaches every other instance in ONE hop (PUBLISH →
 * the subscribers), unlike Hocuspocus's SyncStep1/SyncStep2 round trips. Messages carry the
 * publishing instance's id, and an instance ignores its own. Two connections: node-redis puts a
 * subscribing connection in a mode where it can do nothing else.
 *
 * Pub/sub delivers at most once: while the subscriber is disconnected messages are lost, so when
 * it is back (node-redis resubscribes before it reports ready), onResync's callback makes every
 * loaded room catch up from PostgreSQL. The publisher reconnects on its own schedule: an update
 * committed here while it was down, but after the others' subscribers were back, would reach them
 * never. So the channels whose publish failed are remembered, and once the publisher is ready
 * again each gets a `catch-up` message: the others read those rooms from PostgreSQL too.
 */
export function createRedisFanout(opts: { url: string; prefix: string; log: CollabLog }): Fanout {
  const instanceId = randomUUID();
  let pub!: RedisClient;
  let sub!: RedisClient;
  const channels = new Map<string, Channel>();
  const resyncCallbacks: (() => void)[] = [];
  let readyOnce = false;
  let failedPublishes = 0;
  /** Channels with a committed update the others never heard of (bounded by the loaded rooms). */
  const missed = new Set<string>();
  let closed = false;

  // Loaded on first use: a server without REDIS_URL never loads the client.
  const connected = import("redis").then(async ({ createClient }) => {
    // The publisher keeps no offline queue: during an outage a publish fails at once (logged)
    // instead of piling up in memory; the others catch up from PostgreSQL when the bus is back.
    pub = createClient({ url: opts.url, name: `stepwise-collab-pub-${instanceId}`, disableOfflineQueue: true });
    sub = createClient({ url: opts.url, name: `stepwise-collab-sub-${instanceId}` });
    // Without an error listener node-redis would throw the error as an uncaught exception.
    pub.on("error", (e: unknown) => opts.log("redis publisher error", { error: String(e) }));
    sub.on("error", (e: unknown) => opts.log("redis subscriber error", { error: String(e) }));
    pub.on("ready", () => {
      for (const channel of [...missed]) {
        missed.delete(channel);
        publish(channel, encodeBusMessage({ from: instanceId, kind: "catch-up" }));
      }
    });
    sub.on("ready", () => {
      if (!readyOnce) {
        readyOnce = true;
        return;
      }
      opts.log("redis subscriber reconnected; resyncing loaded rooms");
      for (const cb of resyncCallbacks) cb();
    });
    await Promise.all([pub.connect(), sub.connect()]);
  });
  // A failed first connect is reported to every join; never an unhandled rejection.
  connected.catch(() => {});

  const listener = (message: Buffer, channel: Buffer): void => {
    const ch = channels.get(channel.toString());
    if (!ch) return;
    let m;
    try {
      m = decodeBusMessage(new Uint8Array(message));
    } catch (e) {
      opts.log("undecodable bus message", { channel: channel.toString(), error: String(e) });
      return;
    }
    if (m.from === instanceId) return;
    if (m.kind === "catch-up") {
      opts.log("another instance missed publishes; catching up from PostgreSQL", { channel: channel.toString() });
      for (const cb of resyncCallbacks) cb();
      return;
    }
    for (const s of ch.members) {
      const item: ["u", Uint8Array[]] | ["a", Uint8Array] = m.kind === "updates" ? ["u", m.updates] : ["a", m.update];
      if (s.handlers) deliver(s.handlers, item);
      else s.pending.push(item);
    }
  };

  function deliver(h: FanoutHandlers, item: ["u", Uint8Array[]] | ["a", Uint8Array]): void {
    try {
      if (item[0] === "u") h.updates(item[1]);
      else h.awareness(item[1]);
    } catch (e) {
      opts.log("fan-out delivery failed", { error: String(e) });
    }
  }

  function publish(channel: string, bytes: Uint8Array): void {
    if (closed) return;
    pub.publish(channel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
      () => {
        if (failedPublishes > 0) opts.log("redis publishes resumed", { failedMeanwhile: failedPublishes });
        failedPublishes = 0;
      },
      (e: unknown) => {
        missed.add(channel);
        // One line per outage, not one per commit.
        if (failedPublishes++ === 0) opts.log("redis publish failed", { channel, error: String(e) });
      },
    );
  }

  return {
    instanceId,
    async join(room: string): Promise<RoomChannel> {
      await connected;
      const name = `${opts.prefix}:room:${room}`;
      let ch = channels.get(name);
      if (!ch) {
        ch = { subscribed: sub.subscribe(name, listener, true), members: new Set() };
        channels.set(name, ch);
      }
      const me: Subscriber = { handlers: null, pending: [] };
      ch.members.add(me);
      try {
        await ch.subscribed;
      } catch (e) {
        ch.members.delete(me);
        if (ch.members.size === 0 && channels.get(name) === ch) channels.delete(name);
        throw e;
      }
      const channel = ch;
      return {
        attach(handlers) {
          me.handlers = handlers;
          for (const item of me.pending.splice(0)) deliver(handlers, item);
        },
        publishUpdates(updates) {
          if (updates.length > 0) publish(name, encodeBusMessage({ from: instanceId, kind: "updates", updates }));
        },
        publishAwareness(update) {
          publish(name, encodeBusMessage({ from: instanceId, kind: "awareness", update }));
        },
        leave() {
          if (!channel.members.delete(me) || channel.members.size > 0) return;
          if (channels.get(name) === channel) channels.delete(name);
          if (closed) return;
          sub
            .unsubscribe(name, listener, true)
            .catch((e: unknown) => opts.log("redis unsubscribe failed", { channel: name, error: String(e) }));
        },
      };
    },
    onResync(callback) {
      resyncCallbacks.push(callback);
    },
    async close() {
      closed = true;
      channels.clear();
      try {
        await connected;
      } catch {
        // never connected: a client that failed to connect may still be retrying
        pub?.destroy();
        sub?.destroy();
        return;
      }
      // close() lets queued publishes go out first: they are committed updates the others need.
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
