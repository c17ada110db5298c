/**
 * Test support (not a test): a PostgreSQL cluster of the test's own — initdb and pg_ctl from
 * Debian's /usr/lib/postgresql/<version>/bin, a temporary directory and a free port — so a test
 * may stop and start it without touching the machine's shared server. As root, the binaries run
 * as the `postgres` user (initdb refuses root).
 */
import { spawn } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type OwnPostgres = {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust) */
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stop for good and remove the cluster's directory. */
  destroy(): Promise<void>;
};

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error("no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)");
  return path.join(root, versions[0]!, "bin");
}

function run(bin: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, argv, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.once("error", reject);
    p.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} exited ${code}: ${err.slice(-2000)}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "stepwise-pg-"));
  if (process.getuid?.() === 0) {
    const { uid, gid } = await new Promise<{ uid: number; gid: number }>((resolve, reject) => {
      const p = spawn("id", ["-u", "postgres"]);
      let out = "";
      p.stdout.on("data", (d: Buffer) => (out += d.toString()));
      p.once("exit", () => {
        const u = Number(out.trim());
        if (!Number.isInteger(u)) return reject(new Error("no postgres user"));
        const g = spawn("id", ["-g", "postgres"]);
        let gout = "";
        g.stdout.on("data", (d: Buffer) => (gout += d.toString()));
        g.once("exit", () => resolve({ uid: u, gid: Number(gout.trim()) }));
      });
    });
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  await run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const pgCtl = path.join(bin, "pg_ctl");
  const start = () => run(pgCtl, ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "start"]);
  const stop = () => run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => {});
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
