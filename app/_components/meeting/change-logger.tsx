"use client";

import { useEffect } from "react";
import type * as Y from "yjs";
import { localChangeRefs } from "@/lib/collab/change-refs";
import { noteChange } from "@/lib/collab/flow-log";
import { useFlowContext } from "./flow-context";
import { serverNow } from "./server-clock";

/**
 * Notes in the shared change log what this person edits — the goal, a sub-goal, an action, an
 * agenda item, the follow-up texts — so that someone who was away is told (catch-up.tsx). One
 * listener for the whole room, on this browser's own transactions (typing, choices, undo), never
 * on what arrives from others; coalesced per thing (noteChange). Logged a moment later, in a
 * transaction of its own, so an edit itself is never held up by its note.
 */
export function ChangeLogger() {
  const { conn, me, editable, surface } = useFlowContext();
  useEffect(() => {
    if (!editable || surface !== "room") return;
    const doc = conn.doc;
    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local) return;
      const refs = localChangeRefs(doc, tr.changed as Map<Y.AbstractType<unknown>, Set<string | null>>);
      if (refs.length === 0) return;
      queueMicrotask(() => {
        const at = Math.round(serverNow());
        for (const { kind, ref } of refs) {
          try {
            noteChange(doc, { kind, ref, by: me.id, at });
          } catch (e) {
            console.warn("could not note the change for catching up", e);
          }
        }
      });
    };
    doc.on("afterTransaction", onTransaction);
    return () => doc.off("afterTransaction", onTransaction);
  }, [conn.doc, me.id, editable, surface]);
  return null;
}
