import * as Y from "yjs";
import { Attacker } from "../clients/attacker";
import { createFullClient } from "../clients/full-client";
import { forEachRun, sleep, type Context } from "../lib/context";
import { createRng } from "../lib/prng";
import { createTargetRun } from "../lib/targets";
import { MeetingLoad } from "./meeting-load";

/**
 * S7 abuse while the meeting workload runs in R other rooms: from one extra room, four sockets
 * of a participant send a 10 MB update, random bytes, a 1 kHz awareness flood, and one awareness
 * message with 10,000 made-up clientIDs. Measured: the other rooms' p99 during the attack against
 * a baseline window just before it, whether the server is still up, how each attacking socket
 * ended (close code, or still open), and how many awareness states a client in the attacked room
 * ends up holding. ywss without persistence, as in S1.
 */
export async function runS7(ctx: Context): Promise<void> {
  const R = ctx.opts.s7Rooms;
  await forEachRun(ctx, "S7", { rooms: R }, async (target, rep) => {
    const run = await createTargetRun(target, { persistence: target !== "ywss" });
    const load = new MeetingLoad(ctx, run, ctx.opts.seed + 7000 + rep);
    const rng = createRng(ctx.opts.seed + 7100 + rep);
    const attackers: Attacker[] = [];
    let witness: ReturnType<typeof createFullClient> | null = null;
    try {
      const rooms = await run.ensureRooms(R + 1);
      const server = await run.start();
      await load.growTo(R);
      await sleep(ctx.opts.warmupS * 1000);
      const base = await load.measure(ctx.opts.s7WindowS, [server]);
      const room = rooms[R]!;
      witness = createFullClient(run.endpoint(room, "probe"), { name: "Witness", color: "#000" });
      await witness.whenSynced();
      const [big, junk, flood, ids] = ["writer", "writer", "writer", "writer"].map(() => new Attacker(run.endpoint(room, "writer")));
      attackers.push(big!, junk!, flood!, ids!);
      await Promise.allSettled(attackers.map((a) => a.opened));
      const doc = new Y.Doc();
      doc.getText("notes").insert(0, "x".repeat(10 * 1024 * 1024));
      const huge = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const me = run.endpoint(room, "writer").participantId;
      const attack = async () => {
        big!.update(huge);
        for (let i = 0; i < 50; i++) junk!.raw(Uint8Array.from({ length: rng.int(16, 4096) }, () => rng.int(0, 255)));
        const floodId = rng.int(1, 2 ** 30);
        let clock = 0;
        const iv = setInterval(() => {
          for (let i = 0; i < 10; i++)
            flood!.awareness([{ clientId: floodId, clock: ++clock, state: { user: { participantId: me }, cursor: clock } }]);
        }, 10);
        ids!.awareness(
          Array.from({ length: 10_000 }, () => ({ clientId: rng.int(1, 2 ** 31 - 1), clock: 1, state: { user: { participantId: me } } })),
        );
        await sleep(ctx.opts.s7WindowS * 1000);
        clearInterval(iv);
      };
      const [during] = await Promise.all([load.measure(ctx.opts.s7WindowS, [server]), attack()]);
      await sleep(2000);
      const responsive = (await server.stats()) !== null;
      const alive = server.proc.exitCode === null && server.proc.signalCode === null;
      const awarenessStates = witness.awareness.getStates().size;
      const code = (a: Attacker) => a.outcome;
      load.destroy();
      const exit = alive ? null : server.stderr().split("\n").filter(Boolean).slice(-3).join(" / ");
      await server.stop("SIGKILL");
      const invalid = [...base.invalidReasons.map((r) => `baseline: ${r}`), ...during.invalidReasons.map((r) => `attack: ${r}`)];
      return {
        valid: invalid.length === 0,
        invalidReasons: invalid,
        generator: during.generator,
        metrics: {
          rooms: R,
          baselineP99Ms: base.metrics.p99Ms,
          attackP99Ms: during.metrics.p99Ms,
          p99Ratio: during.metrics.p99Ms / base.metrics.p99Ms,
          droppedDuringAttack: during.metrics.dropped,
          serverAlive: alive,
          serverResponsive: responsive,
          bigUpdate: code(big!),
          randomBytes: code(junk!),
          awarenessFlood: code(flood!),
          fakeClientIds: code(ids!),
          awarenessStatesInRoom: awarenessStates,
          serverRssMb: during.metrics.serverRssMb,
          serverExit: exit,
        },
      };
    } finally {
      for (const a of attackers) a.destroy();
      witness?.destroy();
      load.destroy();
      await run.dispose();
    }
  });
}
