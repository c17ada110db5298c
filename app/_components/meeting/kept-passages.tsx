"use client";

import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import type * as Y from "yjs";
import { guardKeptMap, keptByDecider, readKeptPassages, type KeptMark } from "@/lib/collab/guard-kept";
import { passageKey } from "@/lib/privacy/flagged-passages";
import type { RoomParticipant } from "../room/room-types";
import { DocViewStore } from "../collab/doc-view-store";

/**
 * Which flagged passages the employee or the caseworker chose to leave in the shared text (the
 * `guardKept` root), for the room's notices and the shared screen's masking.
 */
class KeptStore extends DocViewStore<Record<string, KeptMark>> {
  constructor(doc: Y.Doc) {
    super(doc, (d) => [guardKeptMap(d)], readKeptPassages, "The kept passages");
  }
}

export type KeptPassages = {
  /** Kept by the employee or the caseworker (a mark by anyone else does not count). */
  isKeptKey: (key: string) => boolean;
  isKept: (excerpt: string) => boolean;
};

const NONE: KeptPassages = { isKeptKey: () => false, isKept: () => false };
const KeptContext = createContext<KeptPassages>(NONE);

export function KeptPassagesProvider({
  doc,
  participants,
  children,
}: {
  doc: Y.Doc;
  participants: RoomParticipant[];
  children: ReactNode;
}) {
  const [store, setStore] = useState<KeptStore | null>(null);
  useEffect(() => {
    const s = new KeptStore(doc);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the store observes an external document
    setStore(s);
    return () => {
      s.destroy();
      setStore(null);
    };
  }, [doc]);
  const marks = useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.getSnapshot ?? noMarks, store?.getSnapshot ?? noMarks);
  const value = useMemo<KeptPassages>(() => {
    const deciders = new Set(participants.filter((p) => p.role === "employee" || p.role === "caseworker").map((p) => p.id));
    const isKeptKey = (key: string) => keptByDecider(marks, key, (id) => deciders.has(id));
    return { isKeptKey, isKept: (excerpt) => isKeptKey(passageKey(excerpt)) };
  }, [marks, participants]);
  return <KeptContext.Provider value={value}>{children}</KeptContext.Provider>;
}

const EMPTY: Record<string, KeptMark> = {};
function noSubscribe(): () => void {
  return () => {};
}
function noMarks(): Record<string, KeptMark> {
  return EMPTY;
}

export function useKeptPassages(): KeptPassages {
  return useContext(KeptContext);
}
