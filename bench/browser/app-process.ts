import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, SERVER_CORE } from "../lib/server-process";
import { sleep } from "../lib/context";

export type DemoLinks = {
  meetingUrl: string;
  links: { caseworker: string; employee: string; manager: string; union_rep: string; observer: string };
};

export type AppProcess = { baseUrl: string; links: DemoLinks; pid: number; stop(): Promise<void> };

/**
 * The whole app, started as `npm start` is (e2e/serve.mjs: a fresh database of its own on
 * DATABASE_URL, the demo seeded, a production build made if the sources changed), pinned to the
 * server core like the bench's servers. The browsers run on the generator's core.
 */
export async function startApp(port: number, log: (m: string) => void): Promise<AppProcess> {
  const dataDir = ".test-data/bench-browser";
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn("taskset", ["-c", SERVER_CORE, process.execPath, "e2e/serve.mjs"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseUrl,
      E2E_DATA_DIR: dataDir,
      DATABASE_URL: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    },
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  child.stderr?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  const linksFile = path.join(ROOT, dataDir, "demo-links.json");
  const deadline = Date.now() + 20 * 60_000;
  log(`  B1: starting the app on ${baseUrl} (builds first when the sources changed)`);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited ${child.exitCode}: ${out}`);
    if (existsSync(linksFile)) {
      const ok = await fetch(`${baseUrl}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
    }
    if (Date.now() > deadline) throw new Error(`the app did not start: ${out}`);
    await sleep(500);
  }
  const links = JSON.parse(readFileSync(linksFile, "utf8")) as DemoLinks;
  return {
    baseUrl,
    links,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
