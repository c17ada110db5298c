import { and, isNotNull, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import { calendarSubscriptions, joinLinks, verificationTokens } from "../schema";
import { deleteParticipantSessionsEndedBefore, deleteStaffSessionsExpiredBefore } from "./sessions";

export type PurgedAccess = {
  participantSessions: number;
  joinLinks: number;
  calendarLinks: number;
  signInLinks: number;
  staffSessions: number;
};

/**
 * Housekeeping: keys that no longer open anything, kept `before` a cut-off for the overviews
 * ("link withdrawn", "used on …"), then removed with what hangs off them (a link's uses, with
 * their IP addresses and browsers). Sign-in links (Auth.js verification tokens) go as soon as
 * they expire: nobody is shown them.
 */
export async function purgeExpiredAccess(db: Db, input: { before: Date; now: Date }): Promise<PurgedAccess> {
  const { before, now } = input;
  return db.transaction(async (tx) => {
    const sessions = await deleteParticipantSessionsEndedBefore(tx, before);
    const links = await tx
      .delete(joinLinks)
      .where(or(lt(joinLinks.expiresAt, before), and(isNotNull(joinLinks.revokedAt), lt(joinLinks.revokedAt, before))))
      .returning({ id: joinLinks.id });
    const calendars = await tx
      .delete(calendarSubscriptions)
      .where(and(isNotNull(calendarSubscriptions.revokedAt), lt(calendarSubscriptions.revokedAt, before)))
      .returning({ id: calendarSubscriptions.id });
    const tokens = await tx
      .delete(verificationTokens)
      .where(lt(verificationTokens.expires, now))
      .returning({ id: verificationTokens.token });
    const staff = await deleteStaffSessionsExpiredBefore(tx, before);
    return {
      participantSessions: sessions,
      joinLinks: links.length,
      calendarLinks: calendars.length,
      signInLinks: tokens.length,
      staffSessions: staff,
    };
  });
}
