import { createHash } from "node:crypto";

/**
 * A job id from a readable key (pg-boss's ids are UUIDs): the same key, the same id, so queueing
 * "the scan of 14:00" twice is one job. Formatted as a version-8 (custom) UUID.
 */
export function jobIdOf(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
