import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createCollabServer, type CollabServer } from "./collab";
import { createMetrics } from "./metrics";
import type { OpsOptions } from "./ops-routes";
import { registerReadinessCheck } from "./readiness";
import { createRequestListener } from "./request-listener";

const TOKEN = "metrics-token-0123456789";
let tdb: TestDatabase;
let collab: CollabServer;
const servers: Server[] = [];

/** The main port's request listener, with a stand-in for Next that answers 200. */
async function serve(ops: Omit<OpsOptions, "metrics">, opts: { trustProxy?: boolean } = {}) {
  const metrics = createMetrics();
  metrics.watchCollab(collab);
  // A stand-in for the database handle's count (db/client.ts statements()), to see it exported.
  metrics.watchDatabase(() => 42);
  const http = createServer(
    createRequestListener({
      ops: { metrics, ...ops },
      trustProxy: opts.trustProxy ?? false,
      app: () => async (_req, res) => void res.end("page"),
    }),
  );
  servers.push(http);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  collab = createCollabServer();
});

afterAll(async () => {
  for (const s of servers) s.close();
  await collab.close();
  await tdb.drop();
});

describe("GET /healthz", () => {
  it("answers 200 while the process is up, and only to GET and HEAD", async () => {
    const base = await serve({ serveMetrics: false });
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.json()).toEqual({ status: "ok" });
    const post = await fetch(`${base}/healthz`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("GET /readyz", () => {
  it("is 503 naming a failed check (the collaboration server starting), then 200", async () => {
    const base = await serve({ serveMetrics: false });
    const starting = registerReadinessCheck("collab", () => ({ ok: false, detail: "starting" }));
    const before = await fetch(`${base}/readyz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({
      status: "not ready",
      checks: { database: { ok: true }, collab: { ok: false, detail: "starting" } },
    });
    starting();
    const unregister = registerReadinessCheck("collab", () =>
      collab.accepting() ? collab.readiness() : { ok: false, detail: "shutting down" },
    );
    try {
      const after = await fetch(`${base}/readyz`);
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual({
        status: "ready",
        checks: { database: { ok: true }, migrations: { ok: true }, collab: { ok: true } },
      });
    } finally {
      unregister();
    }
  });

  it("is 503 naming the migrations when a committed migration is not recorded as applied", async () => {
    const base = await serve({ serveMetrics: false });
    const unregister = registerReadinessCheck("collab", () => ({ ok: true }));
    await tdb.asOwner(
      "create table drizzle.kept as select * from drizzle.__drizzle_migrations; delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)",
    );
    try {
      const r = await fetch(`${base}/readyz`);
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({
        checks: { database: { ok: true }, migrations: { ok: false, detail: "1 migration(s) not applied" } },
      });
    } finally {
      await tdb.asOwner(
        "delete from drizzle.__drizzle_migrations; insert into drizzle.__drizzle_migrations select * from drizzle.kept; drop table drizzle.kept",
      );
      unregister();
    }
  });
});

describe("GET /metrics", () => {
  it("is off (404) on the main port unless a token is configured", async () => {
    const base = await serve({ serveMetrics: false });
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });

  it("asks for the token: 401 without it or with a wrong one", async () => {
    const base = await serve({ serveMetrics: true, metricsToken: TOKEN });
    const none = await fetch(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("stepwise_");
  });

  it("answers Prometheus text with requests by route and status, sockets, rooms, the commit queue and the database's statements", async () => {
    const base = await serve({ serveMetrics: true, metricsToken: TOKEN });
    await fetch(`${base}/meetings/0b9e3c52-6f55-4a8e-9d71-2c4f7e0a1b3d`);
    await fetch(`${base}/join/aVeryLongJoinTokenThatMustNotAppear_123456`);
    const r = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    expect(text).toContain('stepwise_http_requests_total{method="GET",route="/meetings/:id",status="200"} 1');
    expect(text).toContain('stepwise_http_requests_total{method="GET",route="/join/:id",status="200"} 1');
    expect(text).not.toContain("aVeryLongJoinToken");
    expect(text).toContain("stepwise_http_request_duration_seconds_bucket");
    for (const name of [
      "stepwise_collab_open_sockets 0",
      "stepwise_collab_loaded_rooms 0",
      "stepwise_collab_commit_queue_depth 0",
      "stepwise_collab_updates_committed_total 0",
      "stepwise_collab_commit_batches_total 0",
      "stepwise_collab_commit_seconds_total 0",
      "stepwise_db_statements_total 42",
      "stepwise_process_cpu_seconds_total",
    ]) {
      expect(text).toContain(name);
    }
  });
});

describe("X-Request-Id", () => {
  it("is a new id per request, and a proxy's id is kept only behind a trusted proxy", async () => {
    const plain = await serve({ serveMetrics: false });
    const a = (await fetch(`${plain}/healthz`, { headers: { "x-request-id": "from-the-client-123" } })).headers.get("x-request-id");
    const b = (await fetch(`${plain}/healthz`)).headers.get("x-request-id");
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    const proxied = await serve({ serveMetrics: false }, { trustProxy: true });
    expect((await fetch(`${proxied}/healthz`, { headers: { "x-request-id": "from-the-proxy-123" } })).headers.get("x-request-id")).toBe(
      "from-the-proxy-123",
    );
  });
});
