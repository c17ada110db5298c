/**
 * Bench entry for OUR server: an HTTP server + createCollabServer on DATABASE_URL (PostgreSQL),
 * persistence on as in production, real ticket authorisation (the bench mints tickets with
 * AUTH_SECRET). Starts and stops like server/start.ts minus Next: SIGTERM closes the collab server
 * (every pending commit flushed), then the database, then exits 0.
 * Env: DATABASE_URL, AUTH_SECRET, PORT, optional REDIS_URL + COLLAB_REDIS_PREFIX.
 */
import http from "node:http";
import { prepareData } from "@/lib/system/prepare-data";
import { shutdownDatabase } from "@/lib/system/shutdown-database";
import { appendDocumentUpdates } from "@/lib/collab-store/append-updates";
import { createCollabServer } from "@/server/collab";
import { scratchSchemaFor } from "@/server/collab/testing/scratch-schema";
import { announceReady, createStatsHandler } from "./server-stats";

// Orphan guard: when the bench harness dies, our stdin closes, and so do we.
process.stdin.resume();
process.stdin.on("end", () => process.exit(2));

async function main(): Promise<void> {
  const data = await prepareData({ dataDir: process.env.DATA_DIR ?? "/tmp/bench-data", baseUrl: "http://127.0.0.1", seedDemo: false });
  // The deps seam, used only to watch: each group commit is timed (the real append runs), so the
  // report can say how much of an edit's latency is the database.
  let commits: number[] = [];
  let rows = 0;
  const append: typeof appendDocumentUpdates = async (batch) => {
    const t0 = performance.now();
    await appendDocumentUpdates(batch);
    commits.push(performance.now() - t0);
    rows += batch.length;
  };
  const collab = createCollabServer({
    deps: { append },
    // The bench's generic load writes the scratch roots `notes` and `bench`; every update is still
    // shape-checked against the meeting schema extended with them (server/collab/testing).
    docSchema: scratchSchemaFor,
    redisUrl: process.env.REDIS_URL || undefined,
    log: (msg, extra) => process.stderr.write(`[ours] ${msg} ${extra ? JSON.stringify(extra) : ""}\n`),
  });
  const stats = createStatsHandler(() => {
    const s = collab.stats();
    const sorted = commits.sort((a, b) => a - b);
    const extra = {
      pendingWrites: s.pendingWrites,
      peakPendingWrites: s.peakPendingWrites,
      peakPendingBytes: s.peakPendingBytes,
      refusedJoins: s.refusedJoins,
      commits: sorted.length,
      commitRows: rows,
      commitP50Ms: sorted[Math.floor(sorted.length * 0.5)] ?? null,
      commitP99Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? null,
    };
    commits = [];
    rows = 0;
    return { rooms: s.rooms, connections: s.connections, extra };
  });
  const server = http.createServer((req, res) => {
    if (stats(req, res)) return;
    res.statusCode = 404;
    res.end();
  });
  server.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), "127.0.0.1", resolve));
  announceReady({ warnings: data.warnings, kind: data.kind });

  process.on("SIGTERM", () => {
    void (async () => {
      server.close();
      await collab.close();
      server.closeAllConnections();
      await shutdownDatabase();
      process.exit(0);
    })();
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
