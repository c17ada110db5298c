/**
 * Test support (not a test): the collaboration server alone in its own process, so a test can
 * SIGKILL it. `tsx server/collab/testing/child-server.ts` with DATABASE_URL (or DATA_DIR for
 * PGlite), AUTH_SECRET, PORT (0 = any), optionally REDIS_URL / COLLAB_REDIS_PREFIX, and
 * CHILD_CREATE_FIXTURE=1 to create a meeting first (the parent must not open a PGlite folder the
 * child uses). It prints one JSON line when ready: { port, warnings, fixture }.
 *
 * It starts like server/start.ts does (prepareData: migrations and the fsync/synchronous_commit
 * check) and stops like it: SIGTERM closes the collab server (every pending commit flushed),
 * then the database, then exits 0.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { prepareData } from "@/lib/system/prepare-data";
import { shutdownDatabase } from "@/lib/system/shutdown-database";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { asOperator } from "@/lib/testing/organisation-scopes";
import { createCollabServer } from "../index";
import { scratchSchemaFor } from "./scratch-schema";

async function main(): Promise<void> {
  // An orphan guard: when the test process dies, our stdin closes, and so do we.
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(2));
  let fixture: FixtureCase | null = null;
  // Before prepareData: on an empty PGlite it would otherwise seed the demo case.
  // Made as the operator would: this process's database, like the application's, denies what
  // runs outside an organisation's scope.
  if (process.env.CHILD_CREATE_FIXTURE === "1") fixture = await asOperator(() => createFixtureCase());
  const data = await prepareData({ dataDir: process.env.DATA_DIR ?? ".data", baseUrl: "http://127.0.0.1", seedDemo: false });

  const collab = createCollabServer({
    redisUrl: process.env.REDIS_URL || undefined,
    // The SIGKILL test writes to a scratch root (`log`); the shape check still runs.
    docSchema: scratchSchemaFor,
    log: (msg, extra) => process.stderr.write(`[child] ${msg} ${extra ? JSON.stringify(extra) : ""}\n`),
  });
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  process.stdout.write(`${JSON.stringify({ port, warnings: data.warnings, kind: data.kind, fixture })}\n`);

  process.on("SIGTERM", () => {
    void (async () => {
      server.close();
      await collab.close();
      server.closeAllConnections();
      await shutdownDatabase();
      process.stdout.write("stopped cleanly\n");
      process.exit(0);
    })();
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
