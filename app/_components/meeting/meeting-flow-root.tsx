"use client";

import { useEffect, useMemo, useState, type ReactNode } from "react";
import type { PresenceUser } from "@/lib/collab/presence";
import { can } from "@/lib/permissions";
import type { RoomConnection } from "../room/room-connection";
import type { RoomMe, RoomParticipant } from "../room/room-types";
import { Announcer } from "./announcer";
import { FlowProvider, type FlowContextValue, type Surface } from "./flow-context";
import { FlowContextOptional } from "./flow-optional";
import { FlowStore } from "./flow-store";
import { FollowProvider } from "./follow-current";
import { GuardProvider, type GuardValue } from "./guard-context";
import { copyToPrep } from "./move-to-prep";
import { syncServerClock } from "./server-clock";

/**
 * Everything the meeting flow needs around the room (or the shared screen): the flow store over
 * the connection's document, the server clock, following the chair, the polite announcer and —
 * in the room only — the diagnosis guard.
 */
export function MeetingFlowRoot(props: {
  conn: RoomConnection;
  meetingId: string;
  me: RoomMe;
  user: PresenceUser;
  participants: RoomParticipant[];
  editable: boolean;
  surface: Surface;
  /** The meeting's date (`YYYY-MM-DD`), for the date warnings. */
  meetingDate?: string | null;
  children: ReactNode;
}) {
  const { conn, meetingId, me, user, participants, editable, surface, children } = props;
  const meetingDate = props.meetingDate ?? null;
  const [store, setStore] = useState<FlowStore | null>(null);
  useEffect(() => {
    const s = new FlowStore(conn.doc);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the store observes an external document
    setStore(s);
    void syncServerClock();
    return () => {
      s.destroy();
      setStore(null);
    };
  }, [conn]);

  const ctx = useMemo<FlowContextValue | null>(
    () => (store ? { conn, store, meetingId, me, participants, editable, surface, meetingDate } : null),
    [conn, store, meetingId, me, participants, editable, surface, meetingDate],
  );
  const guard = useMemo<GuardValue | null>(
    () =>
      surface === "room"
        ? { canMove: editable && can(me.role, "write", "prep_doc"), moveToPrep: (excerpt) => copyToPrep(meetingId, user, excerpt) }
        : null,
    [surface, editable, me.role, meetingId, user],
  );
  if (!ctx) return null;
  return (
    <FlowProvider value={ctx}>
      <FlowContextOptional.Provider value={true}>
        <GuardProvider value={guard}>
          <FollowProvider>
            <Announcer />
            {children}
          </FollowProvider>
        </GuardProvider>
      </FlowContextOptional.Provider>
    </FlowProvider>
  );
}
