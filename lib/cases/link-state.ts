/**
 * What the caseworker sees about a participant's link. Withdrawn wins over expired, expired over
 * used: a link that can no longer open anything says so first.
 */
export type LinkState =
  | { kind: "none" }
  | { kind: "revoked"; at: Date }
  | { kind: "expired"; at: Date }
  | { kind: "used"; count: number; firstAt: Date; lastAt: Date; expiresAt: Date }
  | { kind: "unused"; expiresAt: Date };

export type StoredLink = {
  revokedAt: Date | null;
  expiresAt: Date;
  useCount: number;
  firstUsedAt: Date | null;
  lastUsedAt: Date | null;
  reusable: boolean;
};

export function linkState(link: StoredLink | null, now = new Date()): LinkState {
  if (!link) return { kind: "none" };
  if (link.revokedAt) return { kind: "revoked", at: link.revokedAt };
  if (link.expiresAt <= now) return { kind: "expired", at: link.expiresAt };
  if (link.useCount > 0) {
    const firstAt = link.firstUsedAt ?? link.lastUsedAt ?? now;
    return { kind: "used", count: link.useCount, firstAt, lastAt: link.lastUsedAt ?? firstAt, expiresAt: link.expiresAt };
  }
  return { kind: "unused", expiresAt: link.expiresAt };
}
