"use client";

import { createContext, useContext, useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import type { FlowView } from "@/lib/collab/flow-schema";
import { flowSummaryText, mayChair } from "@/lib/collab/flow-schema";
import type { Actor } from "@/lib/collab/meeting-flow";
import type { MeetingDocView } from "@/lib/collab";
import type { RoomConnection } from "../room/room-connection";
import type { RoomMe, RoomParticipant } from "../room/room-types";
import type { FlowStore } from "./flow-store";
import { serverNow } from "./server-clock";
import { useYText } from "../collab/use-y-text";

/** Where the flow is shown: the room on each person's device, or the shared screen. */
export type Surface = "room" | "present";

export type FlowContextValue = {
  conn: RoomConnection;
  store: FlowStore;
  meetingId: string;
  me: RoomMe;
  participants: RoomParticipant[];
  /** May this person change the shared document right now (role and connection allow it)? */
  editable: boolean;
  surface: Surface;
  /**
   * On the shared screen, the chair's buttons are shown only when asked for ("controls"): the wall
   * is everyone's, and the chair drives from their own device. Always true in the room.
   */
  controls: boolean;
  /** The meeting's own date (`YYYY-MM-DD`, Copenhagen): dates before it get a calm warning. */
  meetingDate?: string | null;
};

const FlowContext = createContext<FlowContextValue | null>(null);
export const FlowProvider = FlowContext.Provider;

/** The flow around a field, if it is shown inside a meeting (the room or the shared screen). */
export function useOptionalFlowContext(): FlowContextValue | null {
  return useContext(FlowContext);
}

export function useFlowContext(): FlowContextValue {
  const v = useContext(FlowContext);
  if (!v) throw new Error("useFlow outside <FlowProvider>");
  return v;
}

export type Flow = FlowContextValue & {
  flow: FlowView;
  /** This person chairs the meeting and may move it on. */
  isChair: boolean;
  /** This person may choose (or change) who chairs: the caseworker or the manager. */
  mayChooseChair: boolean;
  /** Who is acting, and when (on the server's clock). */
  actor: () => Actor;
  person: (id: string | null | undefined) => RoomParticipant | null;
};

export function useFlow(): Flow {
  const ctx = useFlowContext();
  const flow = useSyncExternalStore(ctx.store.subscribe, ctx.store.getSnapshot, ctx.store.getSnapshot);
  return useMemo(() => {
    const byId = new Map(ctx.participants.map((p) => [p.id, p]));
    return {
      ...ctx,
      flow,
      isChair: isChairIn(ctx, flow),
      mayChooseChair: ctx.editable && ctx.controls && mayChair(ctx.me.role),
      actor: () => flowActor(ctx),
      person: (id) => (id ? (byId.get(id) ?? null) : null),
    };
  }, [ctx, flow]);
}

/** Who is acting, and when (on the server's clock). */
export function flowActor(ctx: FlowContextValue): Actor {
  return { by: ctx.me.id, at: Math.round(serverNow()) };
}

/** This person chairs the meeting and may move it on. */
export function isChairIn(ctx: FlowContextValue, flow: Pick<FlowView, "chairId">): boolean {
  return ctx.editable && ctx.controls && flow.chairId === ctx.me.id;
}

/**
 * One value out of the meeting flow, for a component shown many times (one per agenda item, per
 * consent item): it re-renders when that value changes, not on every change to the flow — and the
 * flow changes with every edit, which is noted in its change log (issue 13 §4). `select` returns a
 * primitive or a part of the snapshot (the store keeps unchanged parts identical).
 */
export function useFlowValue<T>(select: (flow: FlowView) => T): T {
  const { store } = useFlowContext();
  const read = () => select(store.getSnapshot());
  return useSyncExternalStore(store.subscribe, read, read);
}

/** The running summary as text, following the document (apart from the flow: see flowRoots). */
export function useFlowSummary(): string {
  const { conn } = useFlowContext();
  const text = useMemo(() => flowSummaryText(conn.doc), [conn.doc]);
  return useYText(text, textToString);
}

const textToString = (text: Y.Text) => text.toString();

/** The shared document's plan, agenda and actions (the room's view store). */
export function useMeetingView(): MeetingDocView {
  const { conn } = useFlowContext();
  return useSyncExternalStore(conn.view.subscribe, conn.view.getSnapshot, conn.view.getSnapshot);
}
