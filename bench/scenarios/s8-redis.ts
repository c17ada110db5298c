import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { forEachRun, sleep, type Context } from "../lib/context";
import { createTargetRun, type ClientRole } from "../lib/targets";
import { ROOT } from "../lib/server-process";
import { MeetingLoad } from "./meeting-load";

/**
 * S8 scale-out: our server as two instances on one Redis (REDIS_URL), every room split over them
 * (writer + thin1 on instance A, probe + thin2 on instance B), so every measured update crosses
 * instances. Baseline: the same rooms on one instance without Redis, in the same run. Both
 * instances share core 0 (the single instance has it alone); Redis and PostgreSQL are unpinned.
 * Runs only when our server reads REDIS_URL (server/collab); otherwise it is reported as not
 * measured.
 */
export function redisFanoutAvailable(): boolean {
  const file = path.join(ROOT, "server/collab/options.ts");
  return existsSync(file) && readFileSync(file, "utf8").includes("redisUrl");
}

const SPLIT: Record<ClientRole, number> = { writer: 0, thin1: 0, probe: 1, thin2: 1 };

export async function runS8(ctx: Context): Promise<void> {
  if (!redisFanoutAvailable()) {
    ctx.log("S8 skipped: server/collab has no REDIS_URL support yet");
    return;
  }
  const R = ctx.opts.s8Rooms;
  for (const mode of ["single", "two-instances"] as const) {
    await forEachRun(
      ctx,
      "S8",
      { mode, rooms: R },
      async (_target, rep) => {
        const split = mode === "two-instances";
        const run = await createTargetRun("ours", {
          persistence: true,
          redisUrl: split ? ctx.opts.redisUrl : undefined,
          redisPrefix: `stepwise-bench-${randomBytes(4).toString("hex")}`,
        });
        const load = new MeetingLoad(ctx, run, ctx.opts.seed + 8000 + rep, {
          updatesPerSecond: 5,
          instanceOf: split ? (role) => SPLIT[role] : undefined,
        });
        try {
          await run.ensureRooms(R);
          const servers = [await run.start(0)];
          if (split) servers.push(await run.start(1));
          await load.growTo(R);
          await sleep(ctx.opts.warmupS * 1000);
          const m = await load.measure(ctx.opts.durationS, servers);
          const converged = await load.converged();
          load.destroy();
          for (const s of servers) await s.stop("SIGTERM");
          return {
            valid: m.invalidReasons.length === 0,
            invalidReasons: m.invalidReasons,
            generator: m.generator,
            metrics: { ...m.metrics, converged, instances: servers.length },
          };
        } finally {
          load.destroy();
          await run.dispose();
        }
      },
      ["ours"],
    );
  }
}
