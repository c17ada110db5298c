import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured JSON logs (pino): one line per event, with a level, the component and — inside an
 * HTTP request — the request's id. Log lines carry ids and counts, never names, e-mail addresses,
 * plan or meeting text: the records are health data (GDPR Art. 9), and logs travel further than
 * the database (shippers, support tickets). The keys below are censored as a second line of
 * defence; the first is that no call site passes such values (server/log-privacy.test.ts).
 */
const CENSORED_KEYS = ["name", "email", "text", "title", "body", "to", "identifier", "link", "url"];

type LogState = { root: Logger; requests: AsyncLocalStorage<{ requestId: string }> };

// Next's server bundle and the tsx-loaded server are separate module graphs in one process:
// one root logger and one request context for both, on globalThis (as db/client.ts does).
const state = ((globalThis as { __stepwiseLog?: LogState }).__stepwiseLog ??= {
  root: createRoot(),
  requests: new AsyncLocalStorage(),
});

function createRoot(destination?: DestinationStream): Logger {
  const level = process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info");
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: CENSORED_KEYS.flatMap((k) => [k, `*.${k}`]), censor: "[redacted]" },
      mixin: () => {
        const r = state?.requests.getStore();
        return r ? { requestId: r.requestId } : {};
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export type Log = {
  debug(msg: string, fields?: object): void;
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
};

/**
 * A component's logger. It looks up the root at each call, so a test that redirects the output
 * (`captureLogs`) also captures loggers created at import time.
 */
export function logger(component: string): Log {
  const at = (level: "debug" | "info" | "warn" | "error") => (msg: string, fields?: object) =>
    state.root[level]({ component, ...fields }, msg);
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

const EMAIL = /[^\s<>"'(),;:/]+@[^\s<>"'(),;:/]+\.[a-z]{2,}/gi;

/** Mail servers name the refused address in their errors: masked before it reaches a log line. */
function scrub(text: string | undefined): string | undefined {
  return text?.replace(EMAIL, "[e-mail]");
}

/** An error as log fields: its class and message (addresses masked), never the request or data it carried. */
export function errorFields(e: unknown): { error: string; stack?: string } {
  if (e instanceof Error) return { error: scrub(`${e.name}: ${e.message}`)!, stack: scrub(e.stack) };
  return { error: scrub(String(e))! };
}

/** Runs `fn` with `requestId` on every log line written while it (and what it awaits) runs. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return state.requests.run({ requestId }, fn);
}

/** Tests: send every log line (at `level` and above) to `destination` until the returned function is called. */
export function captureLogs(destination: DestinationStream, level = "debug"): () => void {
  const before = state.root;
  state.root = createRoot(destination);
  state.root.level = level;
  return () => {
    state.root = before;
  };
}

/** Command-line tools: stdout is their answer (JSON), so log lines go to stderr. */
export function logToStderr(): void {
  const level = state.root.level;
  state.root = createRoot(pino.destination({ dest: 2, sync: true }));
  state.root.level = level;
}
