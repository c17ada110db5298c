import type { IncomingMessage, ServerResponse } from "node:http";
import { errorFields, logger, withRequestId } from "@/lib/log/logger";
import { TEST_CLOCK_HEADER, withRequestTestClock } from "@/lib/time/server-clock";
import { clientAddress } from "./client-address";
import { handleOpsRequest, type OpsOptions } from "./ops-routes";
import { observeRequest, requestIdOf } from "./request-observer";

export type AppHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const log = logger("server");

/**
 * Every HTTP request of the main port: a request id (answered as X-Request-Id and on every log
 * line written while it runs), one log line and the metrics when it finishes, the operator's
 * endpoints first (they answer while Next is still starting), then Next — or 503 until it is ready.
 */
export function createRequestListener(input: { ops: OpsOptions; trustProxy: boolean; app: () => AppHandler | null }) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = requestIdOf(req, input.trustProxy);
    res.setHeader("X-Request-Id", requestId);
    observeRequest(req, res, input.ops.metrics, requestId);
    withRequestId(requestId, () => {
      if (handleOpsRequest(req, res, input.ops)) return;
      const handle = input.app();
      if (!handle) {
        res.writeHead(503, { "Retry-After": "2", "Content-Type": "text/plain; charset=utf-8" });
        res.end("Stepwise is starting…\n");
        return;
      }
      clientAddress(req, input.trustProxy);
      // A test may move the clock for its own requests only (STEPWISE_TEST_CLOCK=1, loopback).
      withRequestTestClock(req.headers[TEST_CLOCK_HEADER], () => handle(req, res)).catch((err: unknown) => {
        log.error("request failed", errorFields(err));
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    });
  };
}
