import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { postgresVersion } from "./database";

/** The machine line of the report: what the numbers were measured on, and when. */
export type Machine = {
  date: string;
  nproc: number;
  cpu: string;
  ramGb: number;
  node: string;
  postgres: string;
  redis: string;
  load1: number;
};

export async function describeMachine(load1: number): Promise<Machine> {
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  };
  const lscpu = sh("lscpu", []);
  const model = /Model name:\s*(.+)/.exec(lscpu)?.[1]?.trim() ?? cpus()[0]?.model ?? "unknown";
  return {
    date: new Date().toISOString(),
    // --all: this process is pinned to one core, and plain nproc counts only the cores it may use.
    nproc: Number(sh("nproc", ["--all"])),
    cpu: model,
    ramGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: await postgresVersion().catch(() => "unknown"),
    redis:
      sh("redis-server", ["--version"])
        .split(" ")
        .find((w) => w.startsWith("v="))
        ?.slice(2) ?? "unknown",
    load1,
  };
}
