import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import type { Duplex } from "node:stream";
import { env, resetEnvCache } from "@/lib/env";
import { authUrlFor, requirePublicUrl, resolvePublicUrl } from "@/lib/system/public-url";
import { prepareData } from "@/lib/system/prepare-data";
import { shutdownDatabase } from "@/lib/system/shutdown-database";
import { createCollabServer } from "./collab";
import { registerReadinessCheck } from "./readiness";
import { ensureBuild } from "./ensure-build";
import { printBanner } from "./banner";
import { clientAddress } from "./client-address";
import { closeRevocationBus } from "@/lib/access/revocation-bus";
import { assertTestClockAllowed, TEST_CLOCK_HEADER, withRequestTestClock } from "@/lib/time/server-clock";
import { startJobWorkers } from "@/lib/jobs/work-jobs";

const log = (m: string) => console.log(`[stepwise] ${m}`);

export async function start(): Promise<void> {
  const e = env();
  // Before anything is built or opened: production without PUBLIC_URL stops here, saying so.
  requirePublicUrl(e);
  // A movable clock (E2E only) on a server others can reach would let anyone back-date signatures.
  assertTestClockAllowed(e);
  if (e.STEPWISE_TEST_CLOCK === "1") log("TEST CLOCK ENABLED: POST /api/test-clock may move this server's time (tests only).");
  const dev = e.NODE_ENV === "development";
  if (!dev) ensureBuild(log);

  // The database is opened (and migrated, and seeded) by this process only: PGlite must never be
  // opened by two processes, so nothing else touches DATA_DIR while we run.
  // Listen at once (PORT=0 picks a free port, which the links need), answering 503 until ready.
  let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
  const http = createServer((req, res) => {
    if (!handle) {
      res.writeHead(503, { "Retry-After": "2", "Content-Type": "text/plain; charset=utf-8" });
      res.end("Stepwise is starting…\n");
      return;
    }
    clientAddress(req, e.TRUST_PROXY === "1");
    // A test may move the clock for its own requests only (STEPWISE_TEST_CLOCK=1, loopback).
    withRequestTestClock(req.headers[TEST_CLOCK_HEADER], () => handle!(req, res)).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => http.listen(e.PORT, e.HOST, resolve));
  let onUpgrade: ((req: IncomingMessage, socket: Duplex, head: Buffer) => void) | null = null;
  http.on("upgrade", (req, socket, head) => (onUpgrade ? onUpgrade(req, socket, head) : socket.destroy()));
  const port = (http.address() as AddressInfo).port;
  // From here on every link is built on this one address (lib/env publicUrl()), never on a
  // request's Host; Auth.js gets it as AUTH_URL, so next-auth's own helpers don't read Host either.
  const publicAddress = resolvePublicUrl(e, port);
  const baseUrl = publicAddress.url;
  process.env.PUBLIC_URL = baseUrl;
  process.env.AUTH_URL = authUrlFor(baseUrl, process.env.AUTH_URL);
  resetEnvCache();
  // In production the application's database role must not be able to unguard the evidence (issue 12.6).
  const refusePrivilegedRole = !dev && e.ALLOW_PRIVILEGED_DATABASE_ROLE !== "1";
  const data = await prepareData({ dataDir: e.DATA_DIR, baseUrl, seedDemo: e.SEED_DEMO === "1", refusePrivilegedRole });
  // Queued mail (and every later job) is worked by this process from now on (lib/jobs).
  await startJobWorkers();

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, httpServer: http });
  await app.prepare();
  const nextUpgrade = app.getUpgradeHandler();
  // REDIS_URL: several instances serve the same rooms (docs/collab-server.md, "Scale-out").
  const collab = createCollabServer({ redisUrl: e.REDIS_URL, log: (m, extra) => log(extra ? `${m} ${JSON.stringify(extra)}` : m) });
  // /readyz: not ready while the collaboration server's commits are being retried (database away).
  registerReadinessCheck("collab", () => (collab.accepting() ? collab.readiness() : { ok: false, detail: "shutting down" }));

  handle = app.getRequestHandler();
  // Our collaboration path first (authenticated before any frame); everything else (HMR) to Next.
  onUpgrade = (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) void nextUpgrade(req, socket, head);
  };

  printBanner({ url: baseUrl, configured: publicAddress.configured, data, dev });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: saving everything and stopping…`);
    const force = setTimeout(() => {
      console.error("[stepwise] did not stop within 10 s; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    http.close();
    await collab.close();
    http.closeAllConnections();
    await app.close?.().catch(() => {});
    await closeRevocationBus();
    await shutdownDatabase();
    log("stopped cleanly.");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
