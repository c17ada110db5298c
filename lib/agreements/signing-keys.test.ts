import { createHash, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { signEd25519, verifyEd25519 } from "./ed25519";
import {
  findPublicKey,
  kidOf,
  loadOrCreateSigningKey,
  publicKeys,
  rotateSigningKey,
  SigningKeyError,
  signingKeyObject,
} from "./signing-keys";

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stepwise-keys-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const mode = (file: string) => statSync(file).mode & 0o777;

describe("signing keys", () => {
  it("generates a key under DATA_DIR/signing-keys on first use, readable by this user only", () => {
    const dataDir = tempDataDir();
    const key = loadOrCreateSigningKey({ dataDir });
    const dir = path.join(dataDir, "signing-keys");
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, `${key.kid}.pem`))).toBe(0o600);
    expect(mode(path.join(dir, `${key.kid}.json`))).toBe(0o600);
    expect(mode(path.join(dir, "current"))).toBe(0o600);
    expect(key.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(key.alg).toBe("Ed25519");
  });

  it("returns the same key on every later start", () => {
    const dataDir = tempDataDir();
    const first = loadOrCreateSigningKey({ dataDir });
    expect(loadOrCreateSigningKey({ dataDir })).toEqual(first);
  });

  it("derives the kid as the first 16 hex digits of SHA-256 of the raw public key", () => {
    const key = loadOrCreateSigningKey({ dataDir: tempDataDir() });
    const raw = Buffer.from(key.publicKey, "base64url");
    expect(raw).toHaveLength(32);
    expect(key.kid).toBe(createHash("sha256").update(raw).digest("hex").slice(0, 16));
    expect(kidOf(raw)).toBe(key.kid);
  });

  it("signs with the stored key so the published public key verifies", () => {
    const key = loadOrCreateSigningKey({ dataDir: tempDataDir() });
    const msg = new TextEncoder().encode("seal");
    expect(verifyEd25519(Buffer.from(key.publicKey, "base64url"), msg, signEd25519(signingKeyObject(key), msg))).toBe(true);
  });

  it.each(["pem", "pem-one-line", "base64", "base64url"] as const)(
    "takes the key from the environment (%s) without writing it to disk",
    (form) => {
      const dataDir = tempDataDir();
      const { privateKey } = generateKeyPairSync("ed25519");
      const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
      const der = privateKey.export({ format: "der", type: "pkcs8" });
      const envKey = {
        pem,
        "pem-one-line": pem.trim().replace(/\n/g, "\\n"),
        base64: der.toString("base64"),
        base64url: der.toString("base64url"),
      }[form];
      const key = loadOrCreateSigningKey({ dataDir, envKey });
      const files = readdirSync(path.join(dataDir, "signing-keys"));
      expect(files.filter((f) => f.endsWith(".pem"))).toEqual([]);
      expect(publicKeys(dataDir).keys).toEqual([
        { kid: key.kid, alg: "Ed25519", publicKey: key.publicKey, createdAt: key.createdAt, current: true },
      ]);
      expect(loadOrCreateSigningKey({ dataDir, envKey }).kid).toBe(key.kid);
    },
  );

  it("refuses an environment key that is not an Ed25519 PKCS#8 key", () => {
    const dataDir = tempDataDir();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    for (const envKey of [rsa, "not a key", "AAAA"]) {
      expect(() => loadOrCreateSigningKey({ dataDir, envKey })).toThrow(SigningKeyError);
    }
  });

  it("rotates: a new current key, the old public key still published, the old private key gone", () => {
    const dataDir = tempDataDir();
    const old = loadOrCreateSigningKey({ dataDir, now: () => new Date("2025-01-01T00:00:00.000Z") });
    const fresh = rotateSigningKey(dataDir, { now: () => new Date("2025-06-01T00:00:00.000Z") });
    expect(fresh.kid).not.toBe(old.kid);
    expect(loadOrCreateSigningKey({ dataDir }).kid).toBe(fresh.kid);
    expect(existsSync(path.join(dataDir, "signing-keys", `${old.kid}.pem`))).toBe(false);
    expect(publicKeys(dataDir)).toEqual({
      keys: [
        { kid: old.kid, alg: "Ed25519", publicKey: old.publicKey, createdAt: "2025-01-01T00:00:00.000Z", current: false },
        { kid: fresh.kid, alg: "Ed25519", publicKey: fresh.publicKey, createdAt: "2025-06-01T00:00:00.000Z", current: true },
      ],
    });
    expect(findPublicKey(dataDir, old.kid)?.publicKey).toBe(old.publicKey);
    expect(findPublicKey(dataDir, "0000000000000000")).toBeUndefined();
  });

  it("keeps publishing an environment key after the environment switches to another one", () => {
    const dataDir = tempDataDir();
    const pem = () => generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const first = loadOrCreateSigningKey({ dataDir, envKey: pem() });
    const second = loadOrCreateSigningKey({ dataDir, envKey: pem() });
    const keys = publicKeys(dataDir).keys;
    expect(keys.map((k) => [k.kid, k.current]).sort()).toEqual(
      [
        [first.kid, false],
        [second.kid, true],
      ].sort(),
    );
  });

  it("refuses to silently replace a current environment key that is no longer given", () => {
    const dataDir = tempDataDir();
    const envKey = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    loadOrCreateSigningKey({ dataDir, envKey });
    expect(() => loadOrCreateSigningKey({ dataDir })).toThrow(/no private key/);
    const rotated = rotateSigningKey(dataDir);
    expect(loadOrCreateSigningKey({ dataDir }).kid).toBe(rotated.kid);
  });

  it("publishes nothing before the first key exists", () => {
    expect(publicKeys(tempDataDir())).toEqual({ keys: [] });
  });
});
