/**
 * Test support (not a test): a Redis for the fan-out tests. The machine's (REDIS_URL, else
 * 127.0.0.1:6379) when it answers; otherwise one started from Debian's `redis-server` on a free
 * port, without persistence, stopped by `stop()`.
 */
import net from "node:net";
import { spawn, type ChildProcess } from "node:child_process";

export type TestRedis = { url: string; stop(): Promise<void> };

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, host);
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.once("connect", () => done(true));
    s.once("error", () => done(false));
    s.setTimeout(1_000, () => done(false));
  });
}

export async function testRedis(): Promise<TestRedis> {
  const url = new URL(process.env.REDIS_URL || "redis://127.0.0.1:6379");
  if (await answers(url.hostname, Number(url.port || 6379))) return { url: url.toString(), stop: async () => {} };
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  let proc: ChildProcess;
  try {
    proc = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  } catch (e) {
    throw new Error(`no Redis at ${url.host} and redis-server could not be started (apt-get install redis-server): ${String(e)}`);
  }
  const failed = new Promise<never>((_, reject) => proc.once("error", (e) => reject(new Error(`redis-server: ${String(e)}`))));
  const deadline = Date.now() + 10_000;
  while (!(await Promise.race([answers("127.0.0.1", port), failed]))) {
    if (Date.now() > deadline) throw new Error("redis-server did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      proc.kill("SIGTERM");
      await new Promise((r) => proc.once("exit", r));
    },
  };
}
