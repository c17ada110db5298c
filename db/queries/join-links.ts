import { and, desc, eq, gt, inArray, isNull, lt, max, sql } from "drizzle-orm";
import type { Db } from "../client";
import { joinLinkUses, joinLinks, participants } from "../schema";
import type { ParticipantRow } from "./participants";
import { insertParticipantSession, revokeSessionsOfLinks } from "./sessions";

/**
 * The `join_links` table and its uses: personal links, their uses (`join_link_uses`), and a
 * participant's newest link. Opening a link also opens a session, and withdrawing it ends them
 * (through sessions.ts, which holds every session query).
 */

export type JoinLinkRow = typeof joinLinks.$inferSelect;

export async function insertJoinLink(db: Db, input: typeof joinLinks.$inferInsert): Promise<JoinLinkRow> {
  const [row] = await db.insert(joinLinks).values(input).returning();
  return row!;
}

export async function findJoinLinkByHash(
  db: Db,
  tokenHash: Uint8Array,
): Promise<{ link: JoinLinkRow; participant: ParticipantRow } | null> {
  const rows = await db
    .select({ link: joinLinks, participant: participants })
    .from(joinLinks)
    .innerJoin(participants, eq(participants.id, joinLinks.participantId))
    .where(eq(joinLinks.tokenHash, Buffer.from(tokenHash)));
  return rows[0] ?? null;
}

/** Record one use of a join link and open a session for its participant, together. */
export async function recordJoinLinkUseAndOpenSession(
  db: Db,
  input: {
    linkId: string;
    participantId: string;
    sessionTokenHash: Uint8Array;
    sessionExpiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(joinLinks)
      .set({
        useCount: sql`${joinLinks.useCount} + 1`,
        firstUsedAt: sql`coalesce(${joinLinks.firstUsedAt}, now())`,
      })
      .where(eq(joinLinks.id, input.linkId));
    await tx.insert(joinLinkUses).values({ joinLinkId: input.linkId, ip: input.ip, userAgent: input.userAgent });
    await insertParticipantSession(tx, {
      tokenHash: input.sessionTokenHash,
      participantId: input.participantId,
      joinLinkId: input.linkId,
      expiresAt: input.sessionExpiresAt,
    });
  });
}

/**
 * Every live join link (not withdrawn, not expired at `now`) of a case's participants that ends
 * before `until` now ends at `until`. Returns how many changed.
 */
export async function extendLiveJoinLinksOfCase(db: Db, input: { caseId: string; until: Date; now: Date }): Promise<number> {
  const ofCase = db.select({ id: participants.id }).from(participants).where(eq(participants.caseId, input.caseId));
  const rows = await db
    .update(joinLinks)
    .set({ expiresAt: input.until })
    .where(
      and(
        inArray(joinLinks.participantId, ofCase),
        isNull(joinLinks.revokedAt),
        gt(joinLinks.expiresAt, input.now),
        lt(joinLinks.expiresAt, input.until),
      ),
    )
    .returning({ id: joinLinks.id });
  return rows.length;
}

export type ParticipantWithLink = {
  participant: ParticipantRow;
  /** The newest join link issued for this participant, or null if none was. */
  link: (JoinLinkRow & { lastUsedAt: Date | null }) | null;
};

/**
 * Active participants of a case, each with their newest join link. A participant may hold several
 * live links (a link shown again does not withdraw the one they have), so its uses are counted
 * over all their links not withdrawn: "used" means any of them was.
 */
export async function listParticipantsWithNewestLink(db: Db, caseId: string): Promise<ParticipantWithLink[]> {
  const people = await db
    .select()
    .from(participants)
    .where(and(eq(participants.caseId, caseId), isNull(participants.removedAt)))
    .orderBy(participants.createdAt);
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const links = await db
    .select()
    .from(joinLinks)
    .where(inArray(joinLinks.participantId, ids))
    .orderBy(desc(joinLinks.createdAt), desc(joinLinks.id));
  const newest = new Map<string, JoinLinkRow>();
  for (const l of links) if (!newest.has(l.participantId)) newest.set(l.participantId, l);
  const live = links.filter((l) => !l.revokedAt);
  const uses = live.length
    ? await db
        .select({ linkId: joinLinkUses.joinLinkId, last: max(joinLinkUses.usedAt) })
        .from(joinLinkUses)
        .where(
          inArray(
            joinLinkUses.joinLinkId,
            live.map((l) => l.id),
          ),
        )
        .groupBy(joinLinkUses.joinLinkId)
    : [];
  const lastUse = new Map(uses.map((u) => [u.linkId, u.last ? new Date(u.last) : null]));
  return people.map((participant) => {
    const l = newest.get(participant.id);
    if (!l) return { participant, link: null };
    if (l.revokedAt) return { participant, link: { ...l, lastUsedAt: null } };
    const mine = live.filter((x) => x.participantId === participant.id);
    const times = (pick: (x: JoinLinkRow) => Date | null) =>
      mine
        .map(pick)
        .filter((d): d is Date => d !== null)
        .map((d) => d.getTime());
    const first = times((x) => x.firstUsedAt);
    const last = times((x) => lastUse.get(x.id) ?? null);
    return {
      participant,
      link: {
        ...l,
        useCount: mine.reduce((n, x) => n + x.useCount, 0),
        firstUsedAt: first.length ? new Date(Math.min(...first)) : null,
        lastUsedAt: last.length ? new Date(Math.max(...last)) : null,
      },
    };
  });
}

/**
 * Withdraw every live link of a participant and end the sessions opened with them, in one
 * transaction. Returns how many links were withdrawn.
 */
export async function revokeLinksAndTheirSessions(db: Db, participantId: string, at: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(joinLinks)
      .set({ revokedAt: at })
      .where(and(eq(joinLinks.participantId, participantId), isNull(joinLinks.revokedAt)))
      .returning({ id: joinLinks.id });
    const allLinks = await tx.select({ id: joinLinks.id }).from(joinLinks).where(eq(joinLinks.participantId, participantId));
    await revokeSessionsOfLinks(
      tx,
      allLinks.map((l) => l.id),
      at,
    );
    return revoked.length;
  });
}

/** Every join link ever issued to a participant, newest first (tests and audits). */
export async function listJoinLinksOfParticipant(db: Db, participantId: string): Promise<JoinLinkRow[]> {
  return db.select().from(joinLinks).where(eq(joinLinks.participantId, participantId)).orderBy(desc(joinLinks.createdAt));
}
