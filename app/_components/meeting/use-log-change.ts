"use client";

import { useCallback, useContext } from "react";
import { logChange } from "@/lib/collab/flow-log";
import type { LogKind } from "@/lib/collab/flow-schema";
import { useRoom } from "../room/room-context";
import { FlowContextOptional } from "./flow-optional";
import { serverNow } from "./server-clock";

/**
 * Note in the shared change log what this person just added or decided (for "while you were
 * away"). Ids and small values only; a failure to log never undoes the change itself.
 */
export function useLogChange(): (kind: LogKind, ref: string | null, value?: string | number | null) => void {
  const { conn, me, editable } = useRoom();
  const inFlow = useContext(FlowContextOptional);
  return useCallback(
    (kind, ref, value = null) => {
      if (!inFlow || !editable) return;
      try {
        logChange(conn.doc, { kind, by: me.id, at: Math.round(serverNow()), ref, value });
      } catch (e) {
        console.warn("could not note the change for catching up", e);
      }
    },
    [conn.doc, me.id, editable, inFlow],
  );
}
