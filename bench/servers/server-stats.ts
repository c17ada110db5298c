import type { IncomingMessage, ServerResponse } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Bench-only introspection every target's entry serves on GET /__bench/stats: loaded rooms,
 * sockets, and the server's own event-loop lag since the previous call (a histogram the loop
 * keeps anyway, so it costs next to nothing). The harness reads it every 500 ms with the /proc
 * sample. Not part of any product server.
 */
export const STATS_PATH = "/__bench/stats";
/** Full GC, then memory: S4 reads memory here so each server's figure is its live data, not garbage V8 has not yet collected. */
export const GC_PATH = "/__bench/gc";
const RESOLUTION_MS = 2;

export type GcMemory = { rssMb: number; heapUsedMb: number; externalMb: number };

export type ServerStats = {
  rooms: number;
  connections: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  heapUsedMb: number;
  extra?: object;
};

export function createStatsHandler(read: () => { rooms: number; connections: number; extra?: object }) {
  const hist = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  hist.enable();
  const lag = (v: number) => Math.max(0, v / 1e6 - RESOLUTION_MS);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.url === GC_PATH) {
      // Started with --expose-gc by the harness; twice, so weakly held and finalised objects go too.
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      const m = process.memoryUsage();
      const body: GcMemory = { rssMb: m.rss / 1048576, heapUsedMb: m.heapUsed / 1048576, externalMb: m.external / 1048576 };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
      return true;
    }
    if (req.url !== STATS_PATH) return false;
    const r = read();
    const body: ServerStats = {
      rooms: r.rooms,
      connections: r.connections,
      lagP50Ms: lag(hist.percentile(50)),
      lagP99Ms: lag(hist.percentile(99)),
      lagMaxMs: lag(hist.max),
      heapUsedMb: process.memoryUsage().heapUsed / 1048576,
      extra: r.extra,
    };
    hist.reset();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
    return true;
  };
}

/** One JSON line on stdout tells the harness the server is listening. */
export function announceReady(info: object): void {
  process.stdout.write(`${JSON.stringify({ ready: true, ...info })}\n`);
}
