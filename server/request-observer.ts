import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger, withRequestId } from "@/lib/log/logger";
import type { Metrics } from "./metrics";
import { routeLabel } from "./route-label";

const log = logger("http");
/** A request id from a trusted proxy is kept when it looks like one; anything else is replaced. */
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** The request's id: the trusted proxy's X-Request-Id, else a new one. Echoed in the answer. */
export function requestIdOf(req: IncomingMessage, trustProxy: boolean): string {
  const given = req.headers["x-request-id"];
  return trustProxy && typeof given === "string" && FORWARDED_ID.test(given) ? given : randomUUID();
}

/**
 * When the answer is finished: one log line (method, route with ids masked, status, duration —
 * never the query string, which may carry a ticket or a token) and the HTTP metrics.
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse, metrics: Metrics, requestId: string): void {
  const started = performance.now();
  res.once("finish", () => {
    const seconds = (performance.now() - started) / 1000;
    const route = routeLabel(req.url, res.statusCode);
    const method = req.method ?? "GET";
    metrics.observeRequest({ method, route, status: res.statusCode, seconds });
    const fields = { method, route, status: res.statusCode, ms: Math.round(seconds * 1000) };
    // Static assets and probes at debug: they would drown the requests people make.
    const level =
      route === "/_next" || route === "/healthz" || route === "/readyz" || route === "/metrics"
        ? "debug"
        : res.statusCode >= 500
          ? "error"
          : "info";
    withRequestId(requestId, () => log[level]("request", fields));
  });
}
