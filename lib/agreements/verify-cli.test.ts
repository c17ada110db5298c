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

function run(command: string, args: string[], lang = "en_GB.UTF-8"): Promise<Run> {
  const env = { ...process.env, NO_COLOR: "1", LANG: lang, LC_ALL: "", LC_MESSAGES: "" };
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Exactly as documented; each run pays ~1 s for npx to find tsx. */
const verifyViaNpx = (...args: string[]) => run("npx", ["tsx", "server/verify-bundle.ts", ...args]);
/** The same program through tsx's loader, for the remaining cases, to keep the suite quick. */
const verify = (...args: string[]) => run(process.execPath, ["--import", "tsx", "server/verify-bundle.ts", ...args]);
const verifyIn = (lang: string, ...args: string[]) => run(process.execPath, ["--import", "tsx", "server/verify-bundle.ts", ...args], lang);

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const keysFileFor = (name: string, ...keys: { kid: string; publicKey: string }[]) =>
  file(name, JSON.stringify({ keys: keys.map((k) => ({ kid: k.kid, alg: "Ed25519", publicKey: k.publicKey })) }));

describe("npm run verify (server/verify-bundle.ts)", () => {
  const { bundle, key } = makeTestBundle();
  const good = file("good.json", bundleToJson(bundle));
  const keys = keysFileFor("keys.json", key);
  const tampered = structuredClone(bundle);
  tampered.events[1] = { ...tampered.events[1]!, name: "Someone else" };
  const bad = file("tampered.json", bundleToJson(tampered));

  it("prints VALID with the agreement, signers, times and key fingerprint when the key is one of --keys, and exits 0", async () => {
    const r = await verifyViaNpx(good, "--keys", keys);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("VALID");
    expect(r.stdout).toMatch(/^ {2}Agreement +agreement-test-1, version 1 \(case case-test-1\)$/m);
    expect(r.stdout).toMatch(/Employee\s+Kurt\s+2025-03-04T09:01:00\.000Z\s+\(join-link\)/);
    expect(r.stdout).toContain(`2025-03-04T09:05:00.000Z with key ${key.kid}`);
    expect(r.stdout).toContain("(one of the trusted keys given with --keys)");
    expect(r.stdout).toMatch(/IP and device +left out/);
  });

  it("attack 12.5: a bundle re-sealed with a stranger's key is NOT VERIFIED (unknown key), exit 3 — and without --keys it is not VALID either (exit 4)", async () => {
    const forged = file("forged.json", bundleToJson(makeTestBundle({ content: { plan: { goal: "Full time from Monday" } } }).bundle));
    const [withKeys, withoutKeys, genuineWithoutKeys] = await Promise.all([verify(forged, "--keys", keys), verify(forged), verify(good)]);
    expect(withKeys.stdout.split("\n")[0]).toMatch(/^NOT VERIFIED \(unknown key\): key [0-9a-f]{16} is not one of the trusted keys$/);
    expect(withKeys.code).toBe(3);
    for (const r of [withoutKeys, genuineWithoutKeys]) {
      expect(r.stdout.split("\n")[0]).toMatch(
        /^NOT VERIFIED \(unknown key\): key [0-9a-f]{16} was not compared with the issuer's published keys$/,
      );
      expect(r.stdout).toContain("--keys <file>");
      expect(r.code).toBe(4);
    }
  });

  it("prints INVALID: <why> for a tampered bundle and exits 1, with or without --keys", async () => {
    const [r, withKeys] = await Promise.all([verifyViaNpx(bad), verify(bad, "--keys", keys)]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe("INVALID: event 2 (signed) was altered: its hash does not match its contents");
    expect(withKeys.code).toBe(1);
  });

  it("prints INVALID for a file that is no longer JSON and exits 1", async () => {
    const r = await verify(file("broken.json", bundleToJson(bundle).slice(0, -10)));
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe("INVALID: the file is not valid JSON");
  });

  it("answers in the reader's language: --lang, else LC_ALL / LC_MESSAGES / LANG, else Danish", async () => {
    const [da, nb, flag, posix] = await Promise.all([
      verifyIn("da_DK.UTF-8", bad),
      verifyIn("nb_NO.UTF-8", good, "--keys", keys),
      verifyIn("da_DK.UTF-8", bad, "--lang", "en"),
      verifyIn("C.UTF-8", bad),
    ]);
    expect(da.stdout.trim()).toBe("UGYLDIG: hændelse 2 (signed) er ændret: dens hash passer ikke til indholdet");
    expect(nb.stdout.split("\n")[0]).toBe("GYLDIG");
    expect(nb.stdout).toMatch(/^ {2}Signert av +Arbeidstaker/m);
    expect(flag.stdout.trim()).toBe("INVALID: event 2 (signed) was altered: its hash does not match its contents");
    expect(posix.stdout.trim()).toMatch(/^UGYLDIG: /);
    const nbLcAll = await run(process.execPath, ["--import", "tsx", "server/verify-bundle.ts", "--nope"], "nb_NO.UTF-8");
    expect(nbLcAll.stderr).toContain("verify: ukjent valg --nope");
  });

  it("refuses a key list that gives another key under the bundle's key id (INVALID, exit 1)", async () => {
    const wrong = file(
      "wrong-keys.json",
      JSON.stringify({ keys: [{ kid: key.kid, alg: "Ed25519", publicKey: makeTestSigningKey().publicKey }] }),
    );
    const r = await verify(good, "--keys", wrong);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^INVALID: the bundle's key [0-9a-f]{16} differs from the trusted key with that id/);
  });

  it("exits 2 with usage when the arguments are wrong or a file is unreadable", async () => {
    const cases = [
      [],
      [good, good],
      ["--nope", good],
      [path.join(dir, "missing.json")],
      [good, "--keys"],
      [good, "--lang", "fr"],
      [good, "--keys", path.join(dir, "missing-keys.json")],
    ];
    const results = await Promise.all(cases.map((args) => verify(...args)));
    for (const [i, r] of results.entries()) {
      expect(r.code, cases[i]!.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("Usage: npm run verify -- <bundle.json>");
    }
  });

  it("prints its options and exit codes with --help", async () => {
    const r = await verify("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--keys <file>");
    expect(r.stdout).toMatch(/Exit codes: 0 valid/);
  });

  it("runs as `npm run verify -- <bundle.json> --keys <keys.json>`", async () => {
    const r = await run("npm", ["run", "--silent", "verify", "--", good, "--keys", keys]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("VALID");
  });
});
