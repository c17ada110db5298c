import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "./metrics";
import { checkReadiness } from "./readiness";

export type OpsOptions = {
  metrics: Metrics;
  /** METRICS_TOKEN: when set, /metrics asks for `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** False on the main port when METRICS_PORT gives /metrics its own listener, or when neither a token nor a port is configured. */
  serveMetrics: boolean;
};

const OPS_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

function answer(res: ServerResponse, status: number, body: string, type = "application/json; charset=utf-8"): void {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The operator's endpoints, answered before Next (and while it is still starting):
 * `/healthz` — the process is up; `/readyz` — ready to take traffic (503 naming the failed check);
 * `/metrics` — Prometheus text, behind a token or on its own bind address. Returns false for any
 * other path.
 */
export function handleOpsRequest(req: IncomingMessage, res: ServerResponse, opts: OpsOptions): boolean {
  const path = (req.url ?? "/").split("?")[0]!;
  if (!OPS_PATHS.has(path)) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    answer(res, 405, JSON.stringify({ error: "method not allowed" }));
    return true;
  }
  if (path === "/healthz") {
    answer(res, 200, JSON.stringify({ status: "ok" }));
  } else if (path === "/readyz") {
    void checkReadiness().then(
      (r) => answer(res, r.ok ? 200 : 503, JSON.stringify({ status: r.ok ? "ready" : "not ready", checks: r.checks })),
      (e: unknown) => answer(res, 503, JSON.stringify({ status: "not ready", error: String(e) })),
    );
  } else if (!opts.serveMetrics) {
    answer(res, 404, JSON.stringify({ error: "not found" }));
  } else if (opts.metricsToken && !sameToken((req.headers.authorization ?? "").replace(/^Bearer /i, ""), opts.metricsToken)) {
    res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
    answer(res, 401, JSON.stringify({ error: "a metrics token is required" }));
  } else {
    void opts.metrics.registry.metrics().then(
      (text) => answer(res, 200, text, opts.metrics.registry.contentType),
      (e: unknown) => answer(res, 500, JSON.stringify({ error: String(e) })),
    );
  }
  return true;
}
