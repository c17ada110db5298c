import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseAt } from "@/lib/testing/test-database";
import { createMetrics } from "./metrics";
import { createRequestListener } from "./request-listener";
import { registerReadinessCheck } from "./readiness";
import { startOwnPostgres, type OwnPostgres } from "./collab/testing/own-postgres";

// Its own cluster: this test stops PostgreSQL, and the machine's shared one must never stop.
let pg: OwnPostgres;
let http: Server;
let base: string;
let database: { close(): Promise<void> } | undefined;

beforeAll(async () => {
  pg = await startOwnPostgres();
  database = await useDatabaseAt(pg.url);
  registerReadinessCheck("collab", () => ({ ok: true }));
  const ops = { metrics: createMetrics(), serveMetrics: false };
  http = createServer(createRequestListener({ ops, trustProxy: false, app: () => null }));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  http?.close();
  await database?.close().catch(() => {});
  await pg?.destroy();
});

describe("GET /readyz", () => {
  it("turns 503 naming the database when PostgreSQL stops, and 200 again when it returns", async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: { database: { ok: true }, migrations: { ok: true }, collab: { ok: true } },
    });

    await pg.stop();
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> };
    expect(body.status).toBe("not ready");
    expect(body.checks.database!.ok).toBe(false);
    expect(body.checks.database!.detail).toBeTruthy();
    expect(body.checks.collab).toEqual({ ok: true });
    // The process itself is still up.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await pg.start();
    // postgres.js reconnects on the next query; pg_ctl -w returned once the server accepts.
    await expect.poll(async () => (await fetch(`${base}/readyz`)).status, { timeout: 20_000 }).toBe(200);
  });
});
