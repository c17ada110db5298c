import { z } from "zod";

const ZEmail = z.string().trim().min(3).max(254).email();

/**
 * The one spelling of an e-mail address we store and compare: NFKC-normalised, lower-case,
 * trimmed, as Auth.js normalises the identifier of a magic link. Null when it is no address.
 */
export function normalizeEmail(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const s = raw.normalize("NFKC").toLowerCase().trim();
  if (s.includes('"') || s.split("@").length !== 2) return null;
  return ZEmail.safeParse(s).success ? s : null;
}

/** `a@x, b@y` → the valid, normalised, distinct addresses; anything else is reported back. */
export function parseEmailList(raw: string | undefined | null): { emails: string[]; invalid: string[] } {
  const emails = new Set<string>();
  const invalid: string[] = [];
  for (const part of (raw ?? "").split(/[,;\s]+/)) {
    if (!part) continue;
    const e = normalizeEmail(part);
    if (e) emails.add(e);
    else invalid.push(part);
  }
  return { emails: [...emails], invalid };
}
