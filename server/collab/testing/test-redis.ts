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

export type OwnRedis = { url: string; stop(): Promise<void>; start(): Promise<void> };

/**
 * A redis-server of the test's own on a free port, which the test may stop and start again on
 * the same port (the machine's Redis is never touched). `stop()` leaves it stopped.
 */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  let proc: ChildProcess | null = null;
  const start = async () => {
    const p = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    proc = p;
    const failed = new Promise<never>((_, reject) => p.once("error", (e) => reject(new Error(`redis-server: ${String(e)}`))));
    const deadline = Date.now() + 10_000;
    while (!(await Promise.race([answers("127.0.0.1", port), failed]))) {
      if (Date.now() > deadline) throw new Error("redis-server did not start");
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      const p = proc;
      proc = null;
      if (!p || p.exitCode !== null) return;
      const exited = new Promise((r) => p.once("exit", r));
      p.kill("SIGKILL");
      await exited;
    },
  };
}
