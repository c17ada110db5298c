import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleToJson } from "./bundle";
import { makeTestBundle, makeTestSigningKey } from "./testing";

/** `server/verify-bundle.ts`, run the way a person would: in a child process, on a file. */
const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "stepwise-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = { code: number; stdout: string; stderr: string };

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Exactly as documented; each run pays ~1 s for npx to find tsx. */
const verifyViaNpx = (...args: string[]) => run("npx", ["tsx", "server/verify-bundle.ts", ...args]);
/** The same program through tsx's loader, for the remaining cases, to keep the suite quick. */
const verify = (...args: string[]) => run(process.execPath, ["--import", "tsx", "server/verify-bundle.ts", ...args]);

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("npm run verify (server/verify-bundle.ts)", () => {
  const { bundle, key } = makeTestBundle();
  const good = file("good.json", bundleToJson(bundle));

  it("prints VALID with the agreement, signers and times, and exits 0", async () => {
    const r = await verifyViaNpx(good);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("VALID");
    expect(r.stdout).toContain("agreement-test-1, version 1");
    expect(r.stdout).toMatch(/employee\s+Kurt\s+2025-03-04T09:01:00\.000Z\s+\(join-link\)/);
    expect(r.stdout).toContain(`Sealed       2025-03-04T09:05:00.000Z with key ${key.kid}`);
  });

  it("prints INVALID: <why> for a tampered bundle and exits 1", async () => {
    const tampered = structuredClone(bundle);
    tampered.events[1] = { ...tampered.events[1]!, name: "Someone else" };
    const r = await verifyViaNpx(file("tampered.json", bundleToJson(tampered)));
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe("INVALID: event 2 (signed) was altered: its hash does not match its contents");
  });

  it("prints INVALID for a file that is no longer JSON and exits 1", async () => {
    const r = await verify(file("broken.json", bundleToJson(bundle).slice(0, -10)));
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe("INVALID: the file is not valid JSON");
  });

  it("checks the key against a saved /.well-known/stepwise-keys.json with --keys", async () => {
    const keys = file("keys.json", JSON.stringify({ keys: [{ kid: key.kid, alg: "Ed25519", publicKey: key.publicKey, createdAt: key.createdAt, current: true }] }));
    const other = makeTestSigningKey();
    const wrong = file("other-keys.json", JSON.stringify({ keys: [{ kid: other.kid, alg: "Ed25519", publicKey: other.publicKey }] }));
    const [ok, bad] = await Promise.all([verify(good, "--keys", keys), verify(good, "--keys", wrong)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("matches the trusted keys");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^INVALID: key [0-9a-f]{16} is not one of the trusted keys/);
  });

  it("exits 2 with usage when the arguments are wrong or the file is unreadable", async () => {
    const cases = [[], [good, good], ["--nope", good], [path.join(dir, "missing.json")], [good, "--keys"]];
    const results = await Promise.all(cases.map((args) => verify(...args)));
    for (const [i, r] of results.entries()) {
      expect(r.code, cases[i]!.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("Usage: npm run verify -- <bundle.json>");
    }
  });

  it("runs as `npm run verify -- <bundle.json>`", async () => {
    const r = await run("npm", ["run", "--silent", "verify", "--", good]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("VALID");
  });
});
