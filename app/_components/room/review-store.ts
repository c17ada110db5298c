"use client";

import { useEffect, useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { readReview, reviewMap, type ReviewView } from "@/lib/collab/review";
import type { ReviewContext } from "@/lib/followup/get-review-context";
import { DocViewStore } from "../collab/doc-view-store";

/**
 * The follow-up review in the room: the `review` root of the shared document (observed here, as
 * the room's view store covers only the plan's roots), and the context fetched from the server
 * once per meeting and basis — the plan as agreed and the progress recorded — shared by the panel
 * and every review item, refreshed when the tab is shown again.
 */
type Listener = () => void;

class ReviewStore extends DocViewStore<ReviewView | null> {
  constructor(doc: Y.Doc) {
    super(doc, (d) => [reviewMap(d)], readReview, "The follow-up review");
  }
}

const stores = new WeakMap<Y.Doc, ReviewStore>();

function storeFor(doc: Y.Doc): ReviewStore {
  let s = stores.get(doc);
  if (!s) {
    s = new ReviewStore(doc);
    stores.set(doc, s);
    doc.once("destroy", () => s?.destroy());
  }
  return s;
}

/** The review of this meeting's shared document, or null when the meeting follows up nothing. */
export function useReview(doc: Y.Doc): ReviewView | null {
  const store = useMemo(() => storeFor(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

type ContextState = { status: "loading" } | { status: "ready"; data: ReviewContext } | { status: "failed" };

class ContextCache {
  private state: ContextState = { status: "loading" };
  private readonly listeners = new Set<Listener>();
  private inFlight = false;

  constructor(private readonly url: string) {}

  subscribe = (l: Listener) => {
    this.listeners.add(l);
    if (this.state.status === "loading") void this.load();
    return () => this.listeners.delete(l);
  };

  getSnapshot = () => this.state;

  async load(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      const res = await fetch(this.url, { cache: "no-store" });
      this.state = res.ok
        ? { status: "ready", data: (await res.json()) as ReviewContext }
        : this.state.status === "ready"
          ? this.state
          : { status: "failed" };
    } catch {
      if (this.state.status !== "ready") this.state = { status: "failed" };
    } finally {
      this.inFlight = false;
      for (const l of this.listeners) l();
    }
  }
}

const caches = new Map<string, ContextCache>();
const NONE: ContextState = { status: "failed" };
const NO_SOURCE = { subscribe: () => () => {}, getSnapshot: () => NONE };

/** The review's context from the server (plan as agreed, progress recorded), fetched once and shared. */
export function useReviewContext(meetingId: string, agreementId: string | null): ContextState {
  const cache = useMemo(() => {
    if (!agreementId) return null;
    const url = `/api/meetings/${encodeURIComponent(meetingId)}/review?agreement=${encodeURIComponent(agreementId)}`;
    let c = caches.get(url);
    if (!c) {
      c = new ContextCache(url);
      caches.set(url, c);
    }
    return c;
  }, [meetingId, agreementId]);
  useEffect(() => {
    if (!cache) return;
    // Fresh progress whenever the room is opened again (someone may have recorded since).
    void cache.load();
    const onVisible = () => {
      if (document.visibilityState === "visible") void cache.load();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [cache]);
  const src = cache ?? NO_SOURCE;
  return useSyncExternalStore(src.subscribe, src.getSnapshot, src.getSnapshot);
}
