"use client";

import { useEffect, useMemo, useState } from "react";
import { presenceColor, type PresenceUser } from "@/lib/collab/presence";
import type { RoomMe } from "../room/room-types";

type Startable = { start(): Promise<void>; destroy(): void };
/** Who is connecting: enough to show them to the others. */
type Me = Pick<RoomMe, "id" | "displayName" | "role" | "colorIndex">;

/**
 * A document's connection for a component: created in an effect (never during render, never on
 * the server), destroyed when the component unmounts or the page is left; null until the effect
 * has run. The connection class is passed in, so this module imports no document: the shared
 * screen never pulls in the private preparation's code, nor the other way round.
 */
export function useConnection<C extends Startable>(
  Connection: new (meetingId: string, user: PresenceUser) => C,
  meetingId: string,
  me: Me,
): { conn: C | null; user: PresenceUser } {
  const user = useMemo<PresenceUser>(
    () => ({ participantId: me.id, name: me.displayName, role: me.role, color: presenceColor(me.colorIndex) }),
    [me.id, me.displayName, me.role, me.colorIndex],
  );
  const [conn, setConn] = useState<C | null>(null);
  useEffect(() => {
    const c = new Connection(meetingId, user);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the connection is an external system created here
    setConn(c);
    void c.start();
    return () => {
      c.destroy();
      setConn(null);
    };
  }, [Connection, meetingId, user]);
  return { conn, user };
}
