import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import type { Duplex } from "node:stream";
import { env, resetEnvCache, type Env } from "@/lib/env";
import { authUrlFor, requirePublicUrl, resolvePublicUrl } from "@/lib/system/public-url";
import { prepareData } from "@/lib/system/prepare-data";
import { shutdownDatabase } from "@/lib/system/shutdown-database";
import { logger } from "@/lib/log/logger";
import { createCollabServer } from "./collab";
import { ensureBuild, requireBuild } from "./ensure-build";
import { printBanner } from "./banner";
import { closeRevocationBus } from "@/lib/access/revocation-bus";
import { assertTestClockAllowed } from "@/lib/time/server-clock";
import { createMetrics } from "./metrics";
import { handleOpsRequest, type OpsOptions } from "./ops-routes";
import { createRequestListener, type AppHandler } from "./request-listener";
import { inRequestOrganisation } from "./request-organisation";
import { registerReadinessCheck } from "./readiness";
import { startJobWorkers } from "@/lib/system/work-jobs";
import { jobQueueDepth } from "@/lib/jobs/job-runner";
import { databaseStatementCounter } from "@/lib/system/database-statements";
import { checkSignInSettings } from "@/lib/system/check-sign-in-settings";

const log = logger("server");

export type StartOptions = {
  /**
   * `npm start` with no NODE_ENV builds when the sources changed (a newcomer's first start). An
   * operator's `NODE_ENV=production npm start` never builds: it runs what `npm run build` made.
   */
  buildOnStart: boolean;
};

export async function start(opts: StartOptions = { buildOnStart: true }): Promise<void> {
  const e = env();
  // Before anything is built or opened: production without PUBLIC_URL stops here, saying so.
  requirePublicUrl(e);
  // A movable clock (E2E only) on a server others can reach would let anyone back-date signatures.
  assertTestClockAllowed(e);
  if (e.STEPWISE_TEST_CLOCK === "1") log.warn("TEST CLOCK ENABLED: POST /api/test-clock may move this server's time (tests only).");
  const dev = e.NODE_ENV === "development";
  if (!dev) {
    if (opts.buildOnStart) ensureBuild((m) => log.info(m));
    else requireBuild((m) => log.warn(m));
  }

  const metrics = createMetrics();
  const ops: OpsOptions = { metrics, metricsToken: e.METRICS_TOKEN, serveMetrics: metricsOnMainPort(e) };
  // Not ready until the collaboration server runs (replaced below, once it does).
  registerReadinessCheck("collab", () => ({ ok: false, detail: "starting" }));

  // The database is opened (and migrated, and seeded) by this process only: PGlite must never be
  // opened by two processes, so nothing else touches DATA_DIR while we run.
  // Listen at once (PORT=0 picks a free port, which the links need), answering 503 until ready
  // (except /healthz: the process is up).
  let handle: AppHandler | null = null;
  const http = createServer(createRequestListener({ ops, trustProxy: e.TRUST_PROXY === "1", app: () => handle }));
  await listen(http, e.PORT, e.HOST);
  const metricsServer = e.METRICS_PORT === undefined ? null : await listenForMetrics(e, { ...ops, serveMetrics: true });
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
  checkSignInSettings();
  // In production the application's database role must not be able to unguard the evidence (issue 12.6).
  const refusePrivilegedRole = !dev && e.ALLOW_PRIVILEGED_DATABASE_ROLE !== "1";
  const data = await prepareData({ dataDir: e.DATA_DIR, baseUrl, seedDemo: e.SEED_DEMO === "1", refusePrivilegedRole });
  // Queued mail (and every later job) is worked by this process from now on (lib/jobs).
  await startJobWorkers();
  metrics.watchJobs(jobQueueDepth);
  metrics.watchDatabase(await databaseStatementCounter());

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, httpServer: http });
  await app.prepare();
  const nextUpgrade = app.getUpgradeHandler();
  // REDIS_URL: several instances serve the same rooms (docs/collab-server.md, "Scale-out").
  const collab = createCollabServer({ redisUrl: e.REDIS_URL });
  metrics.watchCollab(collab);
  // /readyz: not ready while the collaboration server's commits are being retried (database away).
  registerReadinessCheck("collab", () => (collab.accepting() ? collab.readiness() : { ok: false, detail: "shutting down" }));

  // Each request in its session's organisation (row-level security: default deny outside one).
  handle = inRequestOrganisation(app.getRequestHandler());
  // Our collaboration path first (authenticated before any frame); everything else (HMR) to Next.
  onUpgrade = (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) void nextUpgrade(req, socket, head);
  };

  log.info("started", {
    port,
    database: data.kind,
    dev,
    metricsPort: metricsServer ? (metricsServer.address() as AddressInfo).port : null,
  });
  printBanner({ url: baseUrl, configured: publicAddress.configured, data, dev });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("saving everything and stopping", { signal });
    const force = setTimeout(() => {
      log.error("did not stop within 10 s; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    http.close();
    metricsServer?.close();
    await collab.close();
    http.closeAllConnections();
    await app.close?.().catch(() => {});
    await closeRevocationBus();
    await shutdownDatabase();
    log.info("stopped cleanly");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

/**
 * /metrics on the main port only behind a token, and not when it has its own listener; with
 * neither configured it is off (404): the main port faces the public, and a reverse proxy on the
 * same host makes every visitor look like loopback, so "loopback only" would protect nothing.
 */
function metricsOnMainPort(e: Env): boolean {
  return e.METRICS_PORT === undefined && e.METRICS_TOKEN !== undefined;
}

/** METRICS_PORT: /metrics (and the probes) on a bind address of its own, e.g. 127.0.0.1 or the cluster network. */
async function listenForMetrics(e: Env, ops: OpsOptions): Promise<Server> {
  const server = createServer((req, res) => {
    if (!handleOpsRequest(req, res, ops)) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("not found\n");
    }
  });
  await listen(server, e.METRICS_PORT!, e.METRICS_HOST);
  return server;
}

/** A port already taken stops the start with that reason, logged, rather than an unhandled error event. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
