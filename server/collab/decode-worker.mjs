// The decode worker (see decode-pool.ts). Plain JavaScript because worker threads are started
// from a file that neither tsx nor Vitest transforms. It only decodes: a job that never ends is
// terminated by the pool, and this thread has nothing else to lose.
import { parentPort } from "node:worker_threads";
import { validateUpdate } from "./validate-update.mjs";

if (!parentPort) throw new Error("decode-worker.mjs must run as a worker thread");
const port = parentPort;

port.on("message", (/** @type {{ id: number; update: Uint8Array }} */ job) => {
  try {
    port.postMessage({ id: job.id, ok: true, ends: validateUpdate(job.update) });
  } catch (e) {
    port.postMessage({ id: job.id, ok: false, error: String(e) });
  }
});
port.postMessage({ ready: true });
