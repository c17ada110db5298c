// Test stand-in for decode-worker.mjs: a decoder that never returns on any update whose first
// byte is 0xEE, as an undiscovered Yjs bug would, and answers everything else like the real one.
import { parentPort } from "node:worker_threads";
import { validateUpdate } from "../validate-update.mjs";

if (!parentPort) throw new Error("must run as a worker thread");
const port = parentPort;
port.on("message", (/** @type {{ id: number; update: Uint8Array }} */ job) => {
  if (job.update[0] === 0xee) for (;;);
  try {
    port.postMessage({ id: job.id, ok: true, ends: validateUpdate(job.update) });
  } catch (e) {
    port.postMessage({ id: job.id, ok: false, error: String(e) });
  }
});
port.postMessage({ ready: true });
