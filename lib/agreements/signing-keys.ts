import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rawPublicKey } from "./ed25519";
import { sha256Hex } from "./fingerprint";

/**
 * The server's Ed25519 sealing keys.
 *
 * On disk, under `${dataDir}/signing-keys/` (directory 0700, files 0600):
 *   <kid>.json   public record { kid, alg, publicKey, createdAt } — kept forever, so every
 *                agreement ever sealed can still be verified through the kid it recorded;
 *   <kid>.pem    PKCS#8 private key — only for the current, generated key; deleted on rotation
 *                because a retired key must never seal again, and a key that no longer exists
 *                cannot leak;
 *   current      the kid that seals new agreements.
 *
 * A key given by environment (several instances must share one key) is never written to disk;
 * only its public record is, so it stays listed after the environment changes.
 */

export type SigningKey = {
  /** First 16 hex digits of SHA-256 of the raw public key: derivable, so it cannot lie. */
  kid: string;
  alg: "Ed25519";
  /** Raw 32-byte public key, base64url (RFC 8032 encoding, as in a JWK's `x`). */
  publicKey: string;
  /** PKCS#8 PEM. */
  privateKey: string;
  createdAt: string;
};

export type PublicKeyRecord = {
  kid: string;
  alg: "Ed25519";
  publicKey: string;
  createdAt: string;
  current: boolean;
};

/** The body of `/.well-known/stepwise-keys.json`. */
export type PublishedKeys = { keys: PublicKeyRecord[] };

export type SigningKeyErrorReason = "invalid-env-key" | "private-key-missing" | "key-store-corrupt";

export class SigningKeyError extends Error {
  constructor(
    readonly reason: SigningKeyErrorReason,
    message: string,
  ) {
    super(message);
    this.name = "SigningKeyError";
  }
}

type StoredPublicRecord = Omit<PublicKeyRecord, "current">;

const KID = /^[0-9a-f]{16}$/;

/** The key id of a raw public key. */
export function kidOf(rawPublic: Uint8Array): string {
  return sha256Hex(rawPublic).slice(0, 16);
}

/**
 * A key's fingerprint: SHA-256 hex of its raw 32 bytes (the kid is its first 16 digits). Printed
 * on the PDF and by `npm run verify`, so a reader can compare the key that sealed an agreement
 * with the key the issuing organisation publishes.
 */
export function keyFingerprint(publicKeyBase64url: string): string {
  return sha256Hex(Buffer.from(publicKeyBase64url, "base64url"));
}

/**
 * The key that seals new agreements: from `envKey` when given (PEM, or base64/base64url of
 * PKCS#8 DER), else the current key under `dataDir`, generated on first use.
 */
export function loadOrCreateSigningKey(opts: { dataDir: string; envKey?: string; now?: () => Date }): SigningKey {
  const dir = keyDir(opts.dataDir);
  const now = opts.now ?? (() => new Date());
  if (opts.envKey !== undefined && opts.envKey.trim() !== "") {
    const privateKey = parsePrivateKey(opts.envKey);
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const raw = rawPublicKey(privateKey);
    const kid = kidOf(raw);
    ensureDir(dir);
    // Only the public half is recorded, so this key stays published after the environment changes.
    const record =
      readPublicRecord(dir, kid) ??
      writePublicRecord(dir, { kid, alg: "Ed25519", publicKey: Buffer.from(raw).toString("base64url"), createdAt: now().toISOString() });
    if (readCurrentKid(dir) !== kid) writeAtomic(path.join(dir, "current"), kid);
    return { ...record, privateKey: pem };
  }

  const currentKid = readCurrentKid(dir);
  if (currentKid !== undefined) return readSigningKey(dir, currentKid);

  ensureDir(dir);
  const fresh = generateKey(dir, now());
  try {
    // "wx" makes the first process to finish win when several start at once; the losers
    // discard their key and use the winner's, so one data directory has one current key.
    writeFileSync(path.join(dir, "current"), fresh.kid, { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    rmSync(path.join(dir, `${fresh.kid}.pem`), { force: true });
    rmSync(path.join(dir, `${fresh.kid}.json`), { force: true });
    return readSigningKey(dir, readCurrentKid(dir)!);
  }
  return fresh;
}

/**
 * Makes a new generated key current. The old public record stays (old agreements verify
 * through their recorded kid); the old private key file is deleted.
 */
export function rotateSigningKey(dataDir: string, opts: { now?: () => Date } = {}): SigningKey {
  const dir = keyDir(dataDir);
  ensureDir(dir);
  const previous = readCurrentKid(dir);
  const fresh = generateKey(dir, (opts.now ?? (() => new Date()))());
  writeAtomic(path.join(dir, "current"), fresh.kid);
  if (previous !== undefined && previous !== fresh.kid) rmSync(path.join(dir, `${previous}.pem`), { force: true });
  return fresh;
}

/** Every public key this data directory has ever sealed with, oldest first. */
export function publicKeys(dataDir: string): PublishedKeys {
  const dir = keyDir(dataDir);
  if (!existsSync(dir)) return { keys: [] };
  const current = readCurrentKid(dir);
  const keys = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => readPublicRecord(dir, f.slice(0, -".json".length)))
    .filter((r): r is StoredPublicRecord => r !== undefined)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.kid < b.kid ? -1 : 1))
    .map((r) => ({ ...r, current: r.kid === current }));
  return { keys };
}

/** The public key an agreement recorded by kid, if this server ever had it. */
export function findPublicKey(dataDir: string, kid: string): PublicKeyRecord | undefined {
  return publicKeys(dataDir).keys.find((k) => k.kid === kid);
}

/** A private KeyObject for signing with a `SigningKey`. */
export function signingKeyObject(key: SigningKey): KeyObject {
  return createPrivateKey({ key: key.privateKey, format: "pem" });
}

/** An Ed25519 private key from PEM or base64/base64url PKCS#8 DER, as an environment gives it. */
export function parsePrivateKey(value: string): KeyObject {
  const text = value.trim();
  let key: KeyObject;
  try {
    if (text.startsWith("-----BEGIN")) {
      // .env files often carry a PEM on one line with literal "\n".
      key = createPrivateKey({ key: text.replace(/\\n/g, "\n"), format: "pem" });
    } else {
      if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new Error("not base64");
      key = createPrivateKey({
        key: Buffer.from(text, text.includes("-") || text.includes("_") ? "base64url" : "base64"),
        format: "der",
        type: "pkcs8",
      });
    }
  } catch {
    throw new SigningKeyError("invalid-env-key", "The signing key from the environment is not a PKCS#8 private key (PEM or base64 DER)");
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new SigningKeyError("invalid-env-key", `The signing key from the environment is ${key.asymmetricKeyType}, not Ed25519`);
  }
  return key;
}

function keyDir(dataDir: string): string {
  return path.join(dataDir, "signing-keys");
}

function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function generateKey(dir: string, createdAt: Date): SigningKey {
  const { privateKey } = generateKeyPairSync("ed25519");
  const raw = rawPublicKey(privateKey);
  const kid = kidOf(raw);
  const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  writeSecret(path.join(dir, `${kid}.pem`), pem);
  const record = writePublicRecord(dir, {
    kid,
    alg: "Ed25519",
    publicKey: Buffer.from(raw).toString("base64url"),
    createdAt: createdAt.toISOString(),
  });
  return { ...record, privateKey: pem };
}

function readSigningKey(dir: string, kid: string): SigningKey {
  const record = readPublicRecord(dir, kid);
  const pemFile = path.join(dir, `${kid}.pem`);
  if (!record || !existsSync(pemFile)) {
    throw new SigningKeyError(
      "private-key-missing",
      `The current signing key ${kid} has no private key in ${dir} (was it given by environment?). Set it again, or rotate to a new key.`,
    );
  }
  const pem = readFileSync(pemFile, "utf8");
  const derived = kidOf(rawPublicKey(createPrivateKey({ key: pem, format: "pem" })));
  if (derived !== kid) throw new SigningKeyError("key-store-corrupt", `${pemFile} holds key ${derived}, not ${kid}`);
  return { ...record, privateKey: pem };
}

function readCurrentKid(dir: string): string | undefined {
  const file = path.join(dir, "current");
  if (!existsSync(file)) return undefined;
  const kid = readFileSync(file, "utf8").trim();
  if (!KID.test(kid)) throw new SigningKeyError("key-store-corrupt", `${file} does not hold a key id`);
  return kid;
}

function readPublicRecord(dir: string, kid: string): StoredPublicRecord | undefined {
  if (!KID.test(kid)) return undefined;
  const file = path.join(dir, `${kid}.json`);
  if (!existsSync(file)) return undefined;
  const r = JSON.parse(readFileSync(file, "utf8")) as Partial<StoredPublicRecord>;
  // The kid is derived from the key, so a record can be checked against itself.
  if (
    r.kid !== kid ||
    r.alg !== "Ed25519" ||
    typeof r.publicKey !== "string" ||
    typeof r.createdAt !== "string" ||
    kidOf(Buffer.from(r.publicKey, "base64url")) !== kid
  ) {
    throw new SigningKeyError("key-store-corrupt", `${file} is not a valid public key record`);
  }
  return { kid: r.kid, alg: r.alg, publicKey: r.publicKey, createdAt: r.createdAt };
}

function writePublicRecord(dir: string, record: StoredPublicRecord): StoredPublicRecord {
  writeAtomic(path.join(dir, `${record.kid}.json`), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
}

/** Write-then-rename, so a crash never leaves a half-written key file or pointer. */
function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
