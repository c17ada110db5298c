import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "../errors";

/**
 * The server's "now", for rules that depend on how much time has passed (a signature after a
 * long meeting, "the next meeting is in the future", the clock the room's timers read).
 *
 * It is the wall clock, always — except that a test may move it forward to play a 90-minute
 * meeting without waiting: Vitest (NODE_ENV=test) sets it directly; the E2E server sets it
 * through `POST /api/test-clock`, which exists only when the server was started with
 * STEPWISE_TEST_CLOCK=1. server/start.ts refuses to start with that flag unless the server
 * listens on the loopback interface only and PUBLIC_URL (if set) is a loopback address, so a
 * server that anyone else can reach can never run on a moved clock.
 *
 * A test may also move it for its own requests only (TEST_CLOCK_HEADER, see withRequestTestClock),
 * so that a spec playing a long meeting does not move the time of specs running beside it.
 *
 * The offset lives on globalThis: Next's route bundles and the custom server load this module
 * separately, and they must read one clock.
 */
const OFFSET = Symbol.for("stepwise.testClockOffsetMs");
const SCOPE = Symbol.for("stepwise.testClockScope");
type WithOffset = { [OFFSET]?: number; [SCOPE]?: AsyncLocalStorage<number> };

function requestScope(): AsyncLocalStorage<number> {
  const g = globalThis as WithOffset;
  return (g[SCOPE] ??= new AsyncLocalStorage<number>());
}

export function serverNow(): Date {
  return new Date(Date.now() + (requestScope().getStore() ?? (globalThis as WithOffset)[OFFSET] ?? 0));
}

/** The request header (whole minutes) that moves the clock for that request alone; tests only. */
export const TEST_CLOCK_HEADER = "x-stepwise-test-clock-minutes";

/**
 * Runs one request's handling with the clock moved by its TEST_CLOCK_HEADER, when the test clock
 * is enabled (otherwise the header means nothing). Everything the request does — the sign route's
 * "how old is this sign-in", the seal's time, /api/time for the room's timers — reads the moved
 * clock; other requests keep theirs.
 */
export function withRequestTestClock<T>(header: string | string[] | undefined, fn: () => T): T {
  if (typeof header !== "string" || !testClockEnabled()) return fn();
  const minutes = Number(header);
  if (!Number.isInteger(minutes) || Math.abs(minutes) > 525_600) return fn();
  return requestScope().run(minutes * 60_000, fn);
}

/** Vitest, or the E2E server started with STEPWISE_TEST_CLOCK=1 (checked at start-up, see above). */
export function testClockEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV === "test" || env.STEPWISE_TEST_CLOCK === "1";
}

/** Moves this process's clock `offsetMs` ahead of the wall clock (0 puts it back). Tests only. */
export function setTestClockOffset(offsetMs: number): void {
  if (!testClockEnabled()) throw new AppError("NOT_FOUND", "not found");
  if (!Number.isFinite(offsetMs) || Math.abs(offsetMs) > 366 * 24 * 3_600_000)
    throw new AppError("INVALID_INPUT", "offset out of range", { offsetMs: "range" });
  (globalThis as WithOffset)[OFFSET] = offsetMs;
}

export function testClockOffset(): number {
  return (globalThis as WithOffset)[OFFSET] ?? 0;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost", "[::1]"]);

/**
 * Start-up check: the test clock only on a server nobody else can reach. Throws a clear error
 * (the server does not start) when STEPWISE_TEST_CLOCK=1 is set on a server listening beyond
 * loopback or published under a non-loopback PUBLIC_URL.
 */
export function assertTestClockAllowed(env: { STEPWISE_TEST_CLOCK?: string; HOST: string; PUBLIC_URL?: string }): void {
  if (env.STEPWISE_TEST_CLOCK !== "1") return;
  const publicHost = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).hostname : "localhost";
  if (!LOOPBACK_HOSTS.has(env.HOST) || !LOOPBACK_HOSTS.has(publicHost)) {
    throw new Error(
      "STEPWISE_TEST_CLOCK=1 lets tests move the server's clock, which would let anyone back-date signatures. " +
        "It is only allowed on a server that listens on 127.0.0.1 (HOST) with a loopback PUBLIC_URL. Remove it.",
    );
  }
}
