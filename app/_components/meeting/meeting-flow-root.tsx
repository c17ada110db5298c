"use client";

import { useEffect, useMemo, useState, type ReactNode } from "react";
import type { PresenceUser } from "@/lib/collab/presence";
import { can } from "@/lib/permissions";
import type { RoomConnection } from "../room/room-connection";
import type { RoomMe, RoomParticipant } from "../room/room-types";
import { Announcer } from "./announcer";
import { ChangeLogger } from "./change-logger";
import { FlowProvider, type FlowContextValue, type Surface } from "./flow-context";
import { FlowContextOptional } from "./flow-optional";
import { FlowStore } from "./flow-store";
import { FollowProvider } from "./follow-current";
import { GuardProvider, type GuardValue } from "./guard-context";
import { KeptPassagesProvider, useKeptPassages } from "./kept-passages";
import { PlanAnnouncer } from "./plan-announcer";
import { copyToPrep } from "./move-to-prep";
import { serverNow, syncServerClock } from "./server-clock";
import { keepFlaggedPassage } from "@/lib/collab/guard-kept";

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
  /** The shared screen's "controls" toggle (see FlowContextValue); the room always has them. */
  controls?: boolean;
  /** The meeting's date (`YYYY-MM-DD`), for the date warnings. */
  meetingDate?: string | null;
  children: ReactNode;
}) {
  const { conn, meetingId, me, user, participants, editable, surface, children } = props;
  const meetingDate = props.meetingDate ?? null;
  const controls = surface === "room" || props.controls === true;
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
    () => (store ? { conn, store, meetingId, me, participants, editable, surface, controls, meetingDate } : null),
    [conn, store, meetingId, me, participants, editable, surface, controls, meetingDate],
  );
  if (!ctx) return null;
  return (
    <FlowProvider value={ctx}>
      <FlowContextOptional.Provider value={true}>
        <KeptPassagesProvider doc={conn.doc} participants={participants}>
          <MeetingGuard conn={conn} meetingId={meetingId} me={me} user={user} editable={editable} surface={surface}>
            <FollowProvider>
              <Announcer />
              {surface === "room" ? <PlanAnnouncer /> : null}
              <ChangeLogger />
              {children}
            </FollowProvider>
          </MeetingGuard>
        </KeptPassagesProvider>
      </FlowContextOptional.Provider>
    </FlowProvider>
  );
}

/**
 * The diagnosis guard in the room: the employee and the caseworker may move a flagged sentence to
 * the private preparation, and their "leave it" is stored in the shared document (the shared
 * screen then shows the passage). The shared screen has no notices: it masks instead.
 */
function MeetingGuard(props: {
  conn: RoomConnection;
  meetingId: string;
  me: RoomMe;
  user: PresenceUser;
  editable: boolean;
  surface: Surface;
  children: ReactNode;
}) {
  const { conn, meetingId, me, user, editable, surface, children } = props;
  const { isKept } = useKeptPassages();
  const guard = useMemo<GuardValue | null>(() => {
    if (surface !== "room") return null;
    const decides = editable && can(me.role, "write", "prep_doc");
    return {
      kind: "meeting",
      canMove: decides,
      moveToPrep: (excerpt) => copyToPrep(meetingId, user, excerpt),
      keep: decides ? (excerpt) => void keepFlaggedPassage(conn.doc, excerpt, { by: me.id, at: Math.round(serverNow()) }) : null,
      isKept,
    };
  }, [surface, editable, me.role, me.id, meetingId, user, conn.doc, isKept]);
  return <GuardProvider value={guard}>{children}</GuardProvider>;
}
