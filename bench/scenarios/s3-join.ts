import { LeveldbPersistence, getLevelUpdates } from "y-leveldb";
import { createFullClient } from "../clients/full-client";
import { forEachRun, sleep, waitUntil, type Context } from "../lib/context";
import { makeHistory, type History } from "../lib/history";
import { summarize } from "../lib/stats";
import { createTargetRun, type TargetRun } from "../lib/targets";

/**
 * S3 join and sync: rooms whose stored history holds N updates. Cold = the room is not loaded
 * (each cold join gets a room of its own, so every cold join replays the same stored history);
 * warm = another client keeps the room loaded. A join is `new provider` → synced + content
 * check. Also: bytes the joiner received (the document should be sent once), and for ours the
 * stored rows after the room was left and compacted. Each server stores history its own way:
 * ours one row per update, ywss one LevelDB entry per update, hp only the full state (one row).
 */
export async function runS3(ctx: Context): Promise<void> {
  const history = makeHistory(ctx.opts.history, ctx.opts.seed + 3);
  for (const n of ctx.opts.history) {
    await forEachRun(ctx, "S3", { history: n }, async (target) => {
      const run = await createTargetRun(target, { persistence: true });
      try {
        const k = ctx.opts.coldJoins;
        const rooms = await run.ensureRooms(k + 1);
        const seedMs = await seedHistory(run, rooms, history, n);
        const server = await run.start();
        const expected = history.expected.get(n)!;
        const docBytes = history.stateAt.get(n)!.byteLength;
        const cold: number[] = [];
        const coldBytes: number[] = [];
        let contentOk = true;
        // Joins whose provider said "synced" before the content was there (ywss serves the
        // document before its LevelDB load finished: y-websocket-server PR #7). The join time is
        // then taken when the content arrived.
        let syncedEarly = 0;
        const join = async (room: string) => {
          const t0 = performance.now();
          const c = createFullClient(run.endpoint(room, "probe"), { name: "Joiner", color: "#000" });
          await c.whenSynced(120_000);
          const text = c.doc.getText("notes");
          if (text.toString() !== expected) {
            syncedEarly++;
            if (!(await waitUntil(() => text.toString() === expected, 60_000, 5))) contentOk = false;
          }
          const ms = performance.now() - t0;
          return { ms, client: c };
        };
        for (const room of rooms.slice(0, k)) {
          const { ms, client } = await join(room);
          cold.push(ms);
          coldBytes.push(client.bytesIn);
          client.destroy();
        }
        const warmRoom = rooms[k]!;
        const holder = (await join(warmRoom)).client;
        const warm: number[] = [];
        for (let i = 0; i < ctx.opts.warmJoins; i++) {
          const { ms, client } = await join(warmRoom);
          warm.push(ms);
          client.destroy();
        }
        holder.destroy();
        const rowsAfter = await storedRowsAfter(run, rooms.slice(0, k), server);
        const c = summarize(cold);
        const w = summarize(warm);
        return {
          valid: contentOk,
          invalidReasons: contentOk ? [] : ["a joiner's content differed from the history"],
          generator: null,
          metrics: {
            coldP50Ms: c.p50,
            coldP99Ms: c.p99,
            coldMaxMs: c.max,
            warmP50Ms: w.p50,
            warmP99Ms: w.p99,
            bytesPerColdJoin: summarize(coldBytes).p50,
            docBytes,
            storedRowsBefore: target === "hp" ? 1 : n,
            storedRowsAfter: rowsAfter,
            contentOk,
            syncedBeforeContent: syncedEarly,
            seedMs,
          },
        };
      } finally {
        await run.dispose();
      }
    });
  }
}

/** Put the first n updates of the history into each room's storage, the way that server stores them. */
async function seedHistory(run: TargetRun, rooms: string[], h: History, n: number): Promise<number> {
  const t0 = performance.now();
  const updates = h.updates.slice(0, n);
  if (run.name === "ours") {
    const sql = run.sql();
    const [first, ...rest] = rooms;
    for (let i = 0; i < updates.length; i += 2000) {
      const rows = updates.slice(i, i + 2000).map((u) => ({ doc_name: first!, data: Buffer.from(u) }));
      await sql`insert into collab_updates ${sql(rows, "doc_name", "data")}`;
    }
    for (const room of rest) {
      await sql`insert into collab_updates (doc_name, data) select ${room}, data from collab_updates where doc_name = ${first!} order by id`;
    }
  } else if (run.name === "hp") {
    const sql = run.sql();
    await sql`create table if not exists hp_documents (name text primary key, data bytea not null, updated_at timestamptz not null default now())`;
    const state = Buffer.from(h.stateAt.get(n)!);
    for (const room of rooms) await sql`insert into hp_documents (name, data) values (${room}, ${state})`;
  } else {
    const p = new LeveldbPersistence(run.levelDir!);
    for (const room of rooms) {
      // The first through y-leveldb (it also writes the state-vector entry), the rest in batches
      // under the same keys its storeUpdate uses: ['v1', doc, 'update', clock].
      await p.storeUpdate(room, updates[0]!);
      for (let i = 1; i < updates.length; i += 5000) {
        const ops = updates
          .slice(i, i + 5000)
          .map((u, j) => ({ type: "put" as const, key: ["v1", room, "update", i + j], value: Buffer.from(u) }));
        await p._transact((db) => db.batch(ops));
      }
    }
    await p.destroy();
  }
  return performance.now() - t0;
}

/**
 * Stored rows (per room, median) once the rooms have been left: ours unloads an empty room after
 * 10 s and then compacts, so wait for that (up to 40 s); ywss compacts on load above 500
 * (PREFERRED_TRIM_SIZE), counted after the server stopped (LevelDB is single-process); hp stores
 * one row per document.
 */
async function storedRowsAfter(run: TargetRun, rooms: string[], server: { stop(s?: NodeJS.Signals): Promise<unknown> }): Promise<number> {
  if (run.name === "hp") {
    await server.stop("SIGTERM");
    return 1;
  }
  if (run.name === "ours") {
    const sql = run.sql();
    const count = async () => {
      const rows = await sql<
        { name: string; n: number }[]
      >`select doc_name as name, count(*)::int as n from collab_updates where doc_name = any(${rooms}) group by doc_name`;
      const by = new Map(rows.map((r) => [r.name, r.n]));
      const counts = rooms.map((r) => by.get(r) ?? 0).sort((a, b) => a - b);
      return counts[Math.floor(counts.length / 2)]!;
    };
    await waitUntil(async () => (await count()) <= 500, 40_000, 1000);
    await sleep(500);
    const n = await count();
    await server.stop("SIGTERM");
    return n;
  }
  await server.stop("SIGTERM");
  const p = new LeveldbPersistence(run.levelDir!);
  const counts: number[] = [];
  for (const room of rooms) {
    const ups = await p._transact((db) => getLevelUpdates(db, room));
    counts.push(ups.length);
  }
  await p.destroy();
  counts.sort((a, b) => a - b);
  return counts[Math.floor(counts.length / 2)]!;
}
