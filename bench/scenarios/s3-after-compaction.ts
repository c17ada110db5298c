import { LeveldbPersistence, getLevelUpdates } from "y-leveldb";
import type { FullClient } from "../clients/full-client";
import { sleep, waitUntil } from "../lib/context";
import type { ClientRole, TargetRun } from "../lib/targets";

/** One join of S3: its time, the client (still connected), whether its content matched the history. */
export type JoinResult = { ms: number; client: FullClient; ok: boolean; early: boolean };
export type Join = (room: string, role?: ClientRole) => Promise<JoinResult>;

type Stoppable = { stop(s?: NodeJS.Signals): Promise<unknown> };

/**
 * Stored rows (per room) once the rooms have been left: ours compacts a room on load above 500
 * stored updates and after its last member left, so wait for that (up to 40 s); ywss compacts on
 * load above 500 (PREFERRED_TRIM_SIZE), counted after the server stopped (LevelDB is
 * single-process: the server must be started again to join); hp stores one row per document.
 * Ours counts its update log only: the compacted state is the document's own row.
 */
export async function storedRowsAfter(run: TargetRun, rooms: string[], server: Stoppable): Promise<{ median: number; perRoom: number[] }> {
  if (run.name === "hp") return { median: 1, perRoom: rooms.map(() => 1) };
  if (run.name === "ours") {
    const count = async () => {
      const by = await tailRows(run, rooms);
      return mid(rooms.map((r) => by.get(r) ?? 0));
    };
    await waitUntil(async () => (await count()) <= 500, 40_000, 1000);
    await sleep(500);
    const by = await tailRows(run, rooms);
    const perRoom = rooms.map((r) => by.get(r) ?? 0);
    return { median: mid(perRoom), perRoom };
  }
  await server.stop("SIGTERM");
  const p = new LeveldbPersistence(run.levelDir!);
  const perRoom: number[] = [];
  for (const room of rooms) {
    const ups = await p._transact((db) => getLevelUpdates(db, room));
    perRoom.push(ups.length);
  }
  await p.destroy();
  return { median: mid(perRoom), perRoom };
}

export type CompactedJoins = { ms: number[]; rowsRead: number[]; ok: boolean; early: number } | { skipped: string };

/**
 * The same rooms cold-joined once more, now that their history is compacted: what a cold join
 * costs in normal running, where a room's log never stays long (the first cold joins read a log
 * that was never compacted, as after a crash). Rows read: ours the document's state row plus its
 * tail of updates; ywss its LevelDB update entries. hp stores only the full state already: null.
 */
export async function coldJoinsAfterCompaction(
  run: TargetRun,
  rooms: string[],
  warmRoom: string,
  ywssEntries: number[],
  join: Join,
): Promise<CompactedJoins | null> {
  if (run.name === "hp") return null;
  const loadedRooms = async () => (await run.servers[0]!.stats())?.rooms;
  if (run.name === "ywss") {
    // Stopped to count its LevelDB; the new process joins one room untimed first, so the timed
    // joins do not pay for its first join (ours has served every join before on one process).
    await run.start();
    const first = await join(warmRoom);
    first.client.destroy();
  }
  // Cold = the server holds none of them: ours unloads an empty room after 10 s (unloadAfterMs),
  // ywss as soon as its last socket closed.
  if (!(await waitUntil(async () => (await loadedRooms()) === 0, 40_000, 250)))
    return { skipped: `the server still had ${await loadedRooms()} rooms loaded 40 s after the last leave` };
  const out = { ms: [] as number[], rowsRead: [] as number[], ok: true, early: 0 };
  for (const [i, room] of rooms.entries()) {
    out.rowsRead.push(run.name === "ours" ? 1 + ((await tailRows(run, [room])).get(room) ?? 0) : ywssEntries[i]!);
    // Another participant than the first cold join's: ours remembers a participant's
    // authorisation for a room for 30 s (principal-cache.ts), and this join must pay what the
    // first paid — only the storage it reads differs.
    const j = await join(room, "writer");
    out.ms.push(j.ms);
    out.ok &&= j.ok;
    if (j.early) out.early++;
    j.client.destroy();
  }
  return out;
}

/** Ours: rows in each room's update log (the part a load reads after the compacted state). */
async function tailRows(run: TargetRun, rooms: string[]): Promise<Map<string, number>> {
  const rows = await run.sql()<
    { name: string; n: number }[]
  >`select doc_name as name, count(*)::int as n from collab_updates where doc_name = any(${rooms}) group by doc_name`;
  return new Map(rows.map((r) => [r.name, r.n]));
}

function mid(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
