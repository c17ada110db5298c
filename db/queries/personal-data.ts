import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../client";
import { calendarSubscriptions, invitationAnswers, joinLinks, joinLinkUses, outboxMail } from "../schema";
import { listSessionsOfParticipant } from "./sessions";

/**
 * What Stepwise keeps about one participant beyond the case itself, for their own export
 * (GDPR Art. 15): their links and each use of them, their sessions, calendar links, answers to
 * invitations and the mail sent to them. Never a token or its hash: those are keys, not data.
 */
export async function readParticipantTrail(db: Db, participantId: string, email: string | null) {
  const links = await db
    .select({
      id: joinLinks.id,
      meetingId: joinLinks.meetingId,
      createdAt: joinLinks.createdAt,
      expiresAt: joinLinks.expiresAt,
      revokedAt: joinLinks.revokedAt,
      firstUsedAt: joinLinks.firstUsedAt,
      useCount: joinLinks.useCount,
    })
    .from(joinLinks)
    .where(eq(joinLinks.participantId, participantId))
    .orderBy(asc(joinLinks.createdAt));
  const uses =
    links.length === 0
      ? []
      : await db
          .select({
            joinLinkId: joinLinkUses.joinLinkId,
            usedAt: joinLinkUses.usedAt,
            ip: joinLinkUses.ip,
            userAgent: joinLinkUses.userAgent,
          })
          .from(joinLinkUses)
          .where(
            inArray(
              joinLinkUses.joinLinkId,
              links.map((l) => l.id),
            ),
          )
          .orderBy(asc(joinLinkUses.usedAt));
  const sessions = await listSessionsOfParticipant(db, participantId);
  const calendarLinks = await db
    .select({
      createdAt: calendarSubscriptions.createdAt,
      revokedAt: calendarSubscriptions.revokedAt,
      lastUsedAt: calendarSubscriptions.lastUsedAt,
    })
    .from(calendarSubscriptions)
    .where(eq(calendarSubscriptions.participantId, participantId))
    .orderBy(asc(calendarSubscriptions.createdAt));
  const answers = await db
    .select({
      meetingId: invitationAnswers.meetingId,
      answer: invitationAnswers.answer,
      suggestion: invitationAnswers.suggestion,
      reason: invitationAnswers.reason,
      answeredAt: invitationAnswers.answeredAt,
    })
    .from(invitationAnswers)
    .where(eq(invitationAnswers.participantId, participantId));
  const mails = await db
    .select({
      to: outboxMail.toAddress,
      subject: outboxMail.subject,
      state: outboxMail.state,
      createdAt: outboxMail.createdAt,
      sentAt: outboxMail.sentAt,
    })
    .from(outboxMail)
    // Mail queued without its participant (meeting changes, reminders) is theirs by its address.
    .where(
      email
        ? or(eq(outboxMail.participantId, participantId), and(isNull(outboxMail.participantId), eq(outboxMail.toAddress, email)))
        : eq(outboxMail.participantId, participantId),
    )
    .orderBy(asc(outboxMail.createdAt));
  return { links, uses, sessions, calendarLinks, answers, mails };
}

export type ParticipantTrail = Awaited<ReturnType<typeof readParticipantTrail>>;
