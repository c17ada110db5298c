import { and, desc, eq, inArray, isNull, max } from "drizzle-orm";
import type { Db } from "../client";
import { joinLinks, joinLinkUses, participantSessions, participants } from "../schema";

export type JoinLinkRow = typeof joinLinks.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;

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
    const times = (pick: (x: JoinLinkRow) => Date | null) => mine.map(pick).filter((d): d is Date => d !== null).map((d) => d.getTime());
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
    if (allLinks.length > 0) {
      await tx
        .update(participantSessions)
        .set({ revokedAt: at })
        .where(
          and(
            inArray(
              participantSessions.joinLinkId,
              allLinks.map((l) => l.id),
            ),
            isNull(participantSessions.revokedAt),
          ),
        );
    }
    return revoked.length;
  });
}

export async function findParticipantById(db: Db, participantId: string): Promise<ParticipantRow | null> {
  const [row] = await db.select().from(participants).where(eq(participants.id, participantId));
  return row ?? null;
}

/** Every join link ever issued to a participant, newest first (tests and audits). */
export async function listJoinLinksOfParticipant(db: Db, participantId: string): Promise<JoinLinkRow[]> {
  return db.select().from(joinLinks).where(eq(joinLinks.participantId, participantId)).orderBy(desc(joinLinks.createdAt));
}
