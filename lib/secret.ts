import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "./env";

/**
 * The server secret that signs collaboration tickets. From AUTH_SECRET when set (required when
 * several instances serve the same meetings); otherwise generated once under DATA_DIR, readable
 * by this user only, so a single-machine install needs no configuration.
 */
let cached: Buffer | undefined;

export function serverSecret(): Buffer {
  if (cached) return cached;
  const e = env();
  if (e.AUTH_SECRET) {
    cached = Buffer.from(e.AUTH_SECRET, "utf8");
    return cached;
  }
  const file = path.join(e.DATA_DIR, "server-secret");
  if (!existsSync(file)) {
    mkdirSync(e.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  cached = Buffer.from(readFileSync(file, "utf8").trim(), "utf8");
  return cached;
}

export function resetSecretCache(): void {
  cached = undefined;
}
