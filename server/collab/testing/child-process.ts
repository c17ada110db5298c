/**
 * Test support (not a test): start server/collab/testing/child-server.ts in its own process and
 * read its ready line. Used by the SIGKILL/SIGTERM durability test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { FixtureCase } from "@/lib/testing/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export type ChildServer = {
  proc: ChildProcess;
  port: number;
  /** ws://127.0.0.1:<port>/collab */
  url: string;
  kind: "postgres" | "pglite";
  warnings: string[];
  fixture: FixtureCase | null;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
};

export async function startChildServer(env: Record<string, string | undefined>, timeoutMs = 30_000): Promise<ChildServer> {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/collab/testing/child-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const ready = await new Promise<{ port: number; kind: "postgres" | "pglite"; warnings: string[]; fixture: FixtureCase | null }>(
    (resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child server not ready in ${timeoutMs} ms:\n${err}`)), timeoutMs);
      const onData = () => {
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (!line) return;
        clearTimeout(timer);
        proc.stdout!.off("data", onData);
        resolve(JSON.parse(line));
      };
      proc.stdout!.on("data", onData);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`child server exited (${code}) before it was ready:\n${err}`));
      });
    },
  );
  return {
    proc,
    ...ready,
    url: `ws://127.0.0.1:${ready.port}/collab`,
    exited,
    stdout: () => out,
    stderr: () => err,
  };
}
