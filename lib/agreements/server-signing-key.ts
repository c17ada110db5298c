import { env } from "../env";
import { loadOrCreateSigningKey, publicKeys, type PublishedKeys, type SigningKey } from "./signing-keys";

/**
 * This server's sealing key: SIGNING_KEY from the environment when set (several instances must
 * share one key), else the key under DATA_DIR/signing-keys, generated on first use.
 */
export function serverSigningKey(): SigningKey {
  const e = env();
  return loadOrCreateSigningKey({ dataDir: e.DATA_DIR, envKey: e.SIGNING_KEY });
}

/** Every key this server has sealed with (the current one created if there is none yet). */
export function serverPublicKeys(): PublishedKeys {
  serverSigningKey();
  return publicKeys(env().DATA_DIR);
}
