"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { RoomConnection } from "./room-connection";
import type { RoomMe, RoomParticipant } from "./room-types";
import type { PresenceUser } from "@/lib/collab";
import type { OwnCatalogue } from "@/lib/plan/own-activity";
import { knownIdentity } from "./peer-identity";

export type RoomContextValue = {
  conn: RoomConnection;
  /** May this person change the document right now (role and connection allow it)? */
  editable: boolean;
  me: RoomMe;
  user: PresenceUser;
  participants: RoomParticipant[];
  /** The organisation's own activities and providers (the meeting room's; absent in the presenter view). */
  ownCatalogue?: OwnCatalogue;
};

const RoomContext = createContext<RoomContextValue | null>(null);

export const RoomProvider = RoomContext.Provider;

export function useRoom(): RoomContextValue {
  const v = useContext(RoomContext);
  if (!v) throw new Error("useRoom outside <RoomProvider>");
  return v;
}

/**
 * The other people currently in the given field (by awareness `editing`), one entry per person.
 * Name, role and colour come from the case's participant list where the person is on it, not
 * from what their browser wrote into awareness (issue 12.10; the server also stamps awareness
 * with the participant record, so a person who joined after the page loaded is named right too).
 */
export function usePeersEditing(field: string) {
  const { conn, me, participants } = useRoom();
  const peers = useSyncExternalStore(conn.presence.subscribe, conn.presence.getSnapshot, conn.presence.getSnapshot);
  const seen = new Set<string>();
  return peers
    .filter((p) => {
      if (p.isMe || p.user.participantId === me.id || p.editing !== field || seen.has(p.user.participantId)) return false;
      seen.add(p.user.participantId);
      return true;
    })
    .map((p) => ({ ...p, user: knownIdentity(p.user, participants) }));
}
