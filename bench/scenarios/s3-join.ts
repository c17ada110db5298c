import { LeveldbPersistence } from "y-leveldb";
import { createFullClient } from "../clients/full-client";
import { forEachRun, waitUntil, type Context } from "../lib/context";
import { makeHistory, type History } from "../lib/history";
import { summarize } from "../lib/stats";
import { createTargetRun, type TargetRun } from "../lib/targets";
import { coldJoinsAfterCompaction, storedRowsAfter, type Join, type JoinResult } from "./s3-after-compaction";

/**
 * S3 join and sync: rooms whose stored history holds N updates. Cold = the room is not loaded
 * (each cold join gets a room of its own, so every cold join replays the same stored history);
 * warm = another client keeps the room loaded. A join is `new provider` → synced + content
 * check. Also: bytes the joiner received (the document should be sent once), the stored rows
 * after the rooms were left and compacted, and (ours, ywss) a second cold join into each of those
 * rooms once compacted: the first reads a log that was never compacted (the worst case, as after
 * a crash), the second what a cold join reads in normal running. Each server stores history its
 * own way: ours one row per update, ywss one LevelDB entry per update, hp only the full state
 * (one row). The server is stopped only after the second cold joins.
 */
export async function runS3(ctx: Context): Promise<void> {
  const history = makeHistory(ctx.opts.history, ctx.opts.seed + 3);
  for (const n of ctx.opts.history) {
    await forEachRun(ctx, "S3", { history: n }, async (target) => {
      const run = await createTargetRun(target, { persistence: true });
      try {
        const k = ctx.opts.coldJoins;
        const rooms = await run.ensureRooms(k + 1);
        const coldRooms = rooms.slice(0, k);
        const seedMs = await seedHistory(run, rooms, history, n);
        const server = await run.start();
        const expected = history.expected.get(n)!;
        const docBytes = history.stateAt.get(n)!.byteLength;
        const join = joiner(run, expected);
        const cold: number[] = [];
        const coldBytes: number[] = [];
        let contentOk = true;
        // Joins (cold, warm and the holder's) whose provider said "synced" before the content
        // was there (ywss serves the document before its LevelDB load finished:
        // y-websocket-server PR #7). The join time is then taken when the content arrived.
        let syncedEarly = 0;
        const check = (j: JoinResult) => {
          contentOk &&= j.ok;
          if (j.early) syncedEarly++;
          return j;
        };
        for (const room of coldRooms) {
          const j = check(await join(room));
          cold.push(j.ms);
          coldBytes.push(j.client.bytesIn);
          j.client.destroy();
        }
        const warmRoom = rooms[k]!;
        const held = check(await join(warmRoom));
        const warm: number[] = [];
        for (let i = 0; i < ctx.opts.warmJoins; i++) {
          const j = check(await join(warmRoom));
          warm.push(j.ms);
          j.client.destroy();
        }
        held.client.destroy();
        const rowsAfter = await storedRowsAfter(run, coldRooms, server);
        const again = await coldJoinsAfterCompaction(run, coldRooms, warmRoom, rowsAfter.perRoom, join);
        await run.servers[0]?.stop("SIGTERM");
        const measured = again && "ms" in again ? again : null;
        const compactedOk = measured?.ok ?? true;
        const c = summarize(cold);
        const w = summarize(warm);
        const cc = measured ? summarize(measured.ms) : null;
        return {
          valid: contentOk && compactedOk,
          invalidReasons: [
            ...(contentOk ? [] : ["a joiner's content differed from the history"]),
            ...(compactedOk ? [] : ["a joiner's content differed from the history after compaction"]),
          ],
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
            storedRowsAfter: rowsAfter.median,
            contentOk,
            syncedBeforeContent: syncedEarly,
            // The same rooms cold-joined again once compacted (null for hp, or when skipped).
            coldCompactedP50Ms: cc?.p50 ?? null,
            coldCompactedP99Ms: cc?.p99 ?? null,
            coldCompactedMaxMs: cc?.max ?? null,
            coldCompactedRowsRead: measured ? Math.max(...measured.rowsRead) : null,
            coldCompactedContentOk: measured ? measured.ok : null,
            coldCompactedSyncedBeforeContent: measured ? measured.early : null,
            coldCompactedSkipped: again && "skipped" in again ? again.skipped : null,
            seedMs,
          },
        };
      } finally {
        await run.dispose();
      }
    });
  }
}

/** A join = `new provider` → synced and the content equal to the history. */
function joiner(run: TargetRun, expected: string): Join {
  return async (room, role = "probe") => {
    const t0 = performance.now();
    const client = createFullClient(run.endpoint(room, role), { name: "Joiner", color: "#000" });
    await client.whenSynced(120_000);
    const text = client.doc.getText("notes");
    const early = text.toString() !== expected;
    const ok = !early || (await waitUntil(() => text.toString() === expected, 60_000, 5));
    return { ms: performance.now() - t0, client, ok, early };
  };
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
