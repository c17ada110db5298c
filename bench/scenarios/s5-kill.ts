import { connectRooms, LatencyRecorder, MeetingRoom, type Entry } from "../clients/meeting-room";
import { createFullClient } from "../clients/full-client";
import { forEachRun, sleep, type Context } from "../lib/context";
import { createRng } from "../lib/prng";
import { createTargetRun, type TargetName } from "../lib/targets";

/**
 * S5 durability: writers at `s5Rate` updates/s in `s5Rooms` rooms (writer + probe each), the server
 * killed at a random time (seeded) 3–8 s in; at once every client is destroyed (a reconnecting
 * author would re-send what the server lost and hide it), the server restarts on the same
 * storage, and a fresh client per room reads the document. Lost = entries the probe had received
 * (so another participant saw them) that the fresh read lacks. SIGKILL for every server; SIGTERM
 * too (ours must lose nothing and exit cleanly; ywss has no SIGTERM handler; hp stores on SIGTERM).
 */
export async function runS5(ctx: Context): Promise<void> {
  for (const signal of ["SIGKILL", "SIGTERM"] as const) {
    await forEachRun(ctx, "S5", { signal }, (target, rep) => killRun(ctx, target, rep, signal));
  }
}

async function killRun(ctx: Context, target: TargetName, rep: number, signal: "SIGKILL" | "SIGTERM") {
  const run = await createTargetRun(target, { persistence: true });
  const rng = createRng(ctx.opts.seed + 5000 + rep * 7 + (signal === "SIGTERM" ? 1 : 0));
  const rooms: MeetingRoom[] = [];
  try {
    const names = await run.ensureRooms(ctx.opts.s5Rooms);
    let server = await run.start();
    const rec = new LatencyRecorder();
    rooms.push(...names.map((n) => new MeetingRoom(run, n, rng, rec, { updatesPerSecond: ctx.opts.s5Rate, noThin: true })));
    await connectRooms(rooms);
    for (const r of rooms) r.startLoad();
    const killAfterMs = 3000 + rng.next() * 5000;
    await sleep(killAfterMs);
    const tKill = performance.now();
    const stopping = server.stop(signal, 20_000);
    // Destroy every client at once, in this same turn: nobody may re-send after the restart.
    for (const r of rooms) r.destroy();
    const stop = await stopping;
    const seen = rooms.map((r) => new Set(r.received));
    const sent = rooms.reduce((a, r) => a + r.sent.length, 0);
    server = await run.start();
    const restartMs = performance.now() - tKill;
    let lost = 0;
    let maxLostPerRoom = 0;
    for (let i = 0; i < names.length; i++) {
      const c = createFullClient(run.endpoint(names[i]!, "probe"), { name: "Reader", color: "#000" });
      await c.whenSynced(60_000);
      // ywss may answer before its LevelDB load (PR #7): give the stored state a moment to arrive.
      await sleep(target === "ywss" ? 300 : 0);
      const have = new Set(
        c.doc
          .getArray<Entry>("bench")
          .toArray()
          .map((e) => e[0]),
      );
      let roomLost = 0;
      for (const seq of seen[i]!) if (!have.has(seq)) roomLost++;
      lost += roomLost;
      maxLostPerRoom = Math.max(maxLostPerRoom, roomLost);
      c.destroy();
    }
    await server.stop("SIGTERM");
    const seenTotal = seen.reduce((a, s) => a + s.size, 0);
    return {
      valid: true,
      invalidReasons: [],
      generator: null,
      metrics: {
        rooms: names.length,
        ratePerWriter: ctx.opts.s5Rate,
        killAfterMs,
        sent,
        seenByProbe: seenTotal,
        lost,
        maxLostPerRoom,
        /** Edit time lost by the worst room's writer: its lost updates × the interval between them. */
        maxLostMsOfEdits: (maxLostPerRoom * 1000) / ctx.opts.s5Rate,
        exitCode: stop.code === null ? "signal" : stop.code,
        stopMs: stop.ms,
        forcedKill: stop.forced,
        restartMs,
      },
    };
  } finally {
    for (const r of rooms) r.destroy();
    await run.dispose();
  }
}
