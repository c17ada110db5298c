import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm start` builds when needed: the production build is tagged with a hash of everything Next
 * compiles, and rebuilt when that hash changes (a fresh clone, a pull, an edit). Never rebuild under
 * a live server: a failed build leaves `.next` unusable, so this runs before anything listens.
 */
const INPUTS = ["app", "lib", "db", "public", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package.json"];
const SKIP = new Set(["node_modules", ".next", "migrations"]);
const STAMP = path.join(".next", "stepwise-build-hash");

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isFile()) {
    if (!/\.test\.tsx?$/.test(p)) out.push(p);
    return;
  }
  for (const name of readdirSync(p).sort()) {
    if (!SKIP.has(name)) walk(path.join(p, name), out);
  }
}

export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const i of INPUTS) walk(path.join(root, i), files);
  const h = createHash("sha256");
  for (const f of files) {
    h.update(path.relative(root, f));
    h.update("\0");
    h.update(readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

function isBuilt(): boolean {
  return existsSync(path.join(".next", "BUILD_ID"));
}

/** `npm run build` (server/build.ts): build now and tag the build with the sources' hash. */
export function build(log: (m: string) => void): void {
  const hash = sourceHash();
  log("Building the app (about a minute)…");
  const bin = path.join("node_modules", ".bin", "next");
  const r = spawnSync(bin, ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  writeFileSync(STAMP, hash);
}

/** `npm start` without NODE_ENV: build when there is no build or the sources changed since. */
export function ensureBuild(log: (m: string) => void): void {
  if (isBuilt() && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceHash()) return;
  build(log);
}

export class MissingBuildError extends Error {
  constructor() {
    super("There is no production build. Run `npm run build` first, then `NODE_ENV=production npm start`.");
    this.name = "MissingBuildError";
  }
}

/**
 * `NODE_ENV=production npm start`: never build at run time (a server that compiles for a minute
 * on start, on the machine that serves, fails its health checks and may fill the disk). No build
 * stops the start; a build older than the sources is served, with a warning.
 */
export function requireBuild(warn: (m: string) => void): void {
  if (!isBuilt()) throw new MissingBuildError();
  if (!existsSync(STAMP) || readFileSync(STAMP, "utf8") !== sourceHash()) {
    warn("The production build is older than the sources (or was not made by `npm run build`); serving it as built.");
  }
}
