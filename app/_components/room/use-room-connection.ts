"use client";

import { useEffect, useMemo, useState } from "react";
import { presenceColor, type PresenceUser } from "@/lib/collab/presence";
import { RoomConnection } from "./room-connection";
import type { RoomMe } from "./room-types";

/**
 * The meeting's shared document and its connection, for the room and the shared screen alike:
 * created in an effect (never during render, never on the server), destroyed when the page is
 * left. Null until the effect has run.
 */
export function useRoomConnection(meetingId: string, me: RoomMe): { conn: RoomConnection | null; user: PresenceUser } {
  const user = useMemo<PresenceUser>(
    () => ({ participantId: me.id, name: me.displayName, role: me.role, color: presenceColor(me.colorIndex) }),
    [me.id, me.displayName, me.role, me.colorIndex],
  );
  const [conn, setConn] = useState<RoomConnection | null>(null);
  useEffect(() => {
    const c = new RoomConnection(meetingId, user);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the connection is an external system created here
    setConn(c);
    void c.start();
    return () => {
      c.destroy();
      setConn(null);
    };
  }, [meetingId, user]);
  return { conn, user };
}
