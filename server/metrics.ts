import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { CollabServer } from "./collab";

/**
 * The Prometheus metrics of this process (GET /metrics, see ops-routes.ts). Rates are left to
 * Prometheus: updates per second is `rate(stepwise_collab_updates_committed_total[1m])`, the mean
 * commit latency `rate(stepwise_collab_commit_seconds_total[1m]) / rate(stepwise_collab_commit_batches_total[1m])`.
 * `stepwise_job_queue_depth` is the job runner's (lib/jobs): jobs waiting to run or to retry.
 * `stepwise_db_statements_total`: the statements sent to the database (db/client.ts), all paths.
 */
export type Metrics = {
  registry: Registry;
  observeRequest(input: { method: string; route: string; status: number; seconds: number }): void;
  /** Reads the collaboration server's numbers at each scrape. */
  watchCollab(collab: Pick<CollabServer, "stats" | "commitStats">): void;
  /** Reads the job runner's queue depth at each scrape (lib/jobs jobQueueDepth). */
  watchJobs(depth: () => Promise<number>): void;
  /** Reads how many statements the process has sent to its database (lib/system/database-statements.ts). */
  watchDatabase(statements: () => number): void;
};

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "stepwise_" });
  const requests = new Counter({
    name: "stepwise_http_requests_total",
    help: "HTTP requests answered, by method, route (ids replaced by :id) and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "stepwise_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route.",
    labelNames: ["route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  let collab: Pick<CollabServer, "stats" | "commitStats"> | null = null;
  const read = <T>(f: (c: NonNullable<typeof collab>) => T, otherwise: T): T => (collab ? f(collab) : otherwise);
  const gauge = (name: string, help: string, value: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value());
      },
    });
  // Counters read from the queue's own monotonic totals at scrape time.
  const total = (name: string, help: string, value: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(value());
      },
    });
  gauge("stepwise_collab_open_sockets", "Collaboration WebSocket connections open on this instance.", () =>
    read((c) => c.stats().connections, 0),
  );
  gauge("stepwise_collab_loaded_rooms", "Shared documents loaded in memory on this instance.", () => read((c) => c.stats().rooms, 0));
  gauge("stepwise_collab_commit_queue_depth", "Document updates queued or being written to PostgreSQL.", () =>
    read((c) => c.commitStats().depth, 0),
  );
  gauge("stepwise_collab_commit_last_seconds", "Duration of the most recent commit batch (one INSERT).", () =>
    read((c) => c.commitStats().lastWriteSeconds, 0),
  );
  total("stepwise_collab_updates_committed_total", "Document updates committed to PostgreSQL.", () =>
    read((c) => c.commitStats().committedUpdates, 0),
  );
  total("stepwise_collab_commit_batches_total", "Commit batches written.", () => read((c) => c.commitStats().batches, 0));
  total("stepwise_collab_commit_seconds_total", "Time spent writing commit batches.", () => read((c) => c.commitStats().writeSeconds, 0));

  let jobDepth: (() => Promise<number>) | null = null;
  new Gauge({
    name: "stepwise_job_queue_depth",
    help: "Jobs (e-mails) waiting to run or to retry.",
    registers: [registry],
    async collect() {
      this.set(jobDepth ? await jobDepth() : 0);
    },
  });

  let dbStatements: (() => number) | null = null;
  total("stepwise_db_statements_total", "Statements sent to the database (each once, in a transaction or not).", () =>
    dbStatements ? dbStatements() : 0,
  );

  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ route }, seconds);
    },
    watchCollab(c) {
      collab = c;
    },
    watchJobs(depth) {
      jobDepth = depth;
    },
    watchDatabase(statements) {
      dbStatements = statements;
    },
  };
}
