import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";

/**
 * A second Stepwise server for specs that need another configuration than the suite's shared one
 * (e.g. no PUBLIC_URL): `npm start` exactly, on the embedded database in its own data folder, on a
 * free port (PORT=0; the address is read from the start-up banner). It reuses the build the
 * suite's server made, so it starts in seconds.
 */
export type ExtraServer = { url: string; dataDir: string; stop: () => Promise<void> };

export async function startExtraServer(env: Record<string, string>): Promise<ExtraServer> {
  mkdirSync(".test-data", { recursive: true });
  const dataDir = mkdtempSync(path.join(".test-data", "e2e-extra-"));
  const clean = { ...process.env };
  for (const k of ["DATABASE_URL", "PUBLIC_URL", "AUTH_URL", "SEED_DEMO", "REDIS_URL"]) delete clean[k];
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["server/main.ts"], {
    env: { ...clean, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /Stepwise is running at (\S+)/.exec(log);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
    child.once("exit", (code) => reject(new Error(`the extra server exited (${code}) before it was ready:\n${log}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The raw answer to a request, with the headers as sent (names and order): for byte-for-byte comparison. */
export type RawAnswer = { status: number; rawHeaders: [string, string][]; body: string };

/**
 * A request as curl would send it: any Host, any header. (Playwright's request context and fetch
 * would not let us write the Host header.)
 */
export function rawRequest(
  base: string,
  opts: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, method: opts.method, path: opts.path, headers: opts.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, rawHeaders: pairs, body });
      });
    });
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** The links in every message the server wrote to `to` (its outbox, no SMTP configured). */
export function outboxLinks(dataDir: string, to: string): string[] {
  const dir = path.join(dataDir, "outbox");
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(`-${to}.eml`));
  } catch {
    return [];
  }
  return files.flatMap((f) =>
    readFileSync(path.join(dir, f), "utf8")
      .split(/\r?\n/)
      .filter((l) => /^https?:\/\//.test(l))
      .map((l) => l.trim()),
  );
}
