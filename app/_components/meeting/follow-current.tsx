"use client";

import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useFlow } from "./flow-context";

/**
 * Following the chair: when the chair moves the room to another agenda item, everyone's view
 * scrolls there — unless they chose to look around on their own, or they are typing (a field that
 * jumps away under one's fingers is worse than a view that stays). Either way one click ("Jump to
 * the current item") brings them back, and moves keyboard focus there too.
 */
type FollowState = { following: boolean; setFollowing: (v: boolean) => void };
const FollowContext = createContext<FollowState>({ following: true, setFollowing: () => {} });

export function useFollow(): FollowState {
  return useContext(FollowContext);
}

export function agendaItemAnchor(itemId: string): string {
  return `agenda-item-${itemId}`;
}

function reducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;
}

function isTyping(): boolean {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !["button", "submit", "checkbox", "radio", "reset"].includes(el.type);
  return (el as HTMLElement).isContentEditable === true;
}

function scrollToItem(itemId: string, focus: boolean): boolean {
  const el = document.getElementById(agendaItemAnchor(itemId));
  if (!el) return false;
  el.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
  if (focus) (el.querySelector<HTMLElement>("[data-item-focus]") ?? el).focus({ preventScroll: true });
  return true;
}

/** One click back to where the meeting is: scroll there and put keyboard focus on it. */
export function jumpToItem(itemId: string): void {
  scrollToItem(itemId, true);
}

export function FollowProvider({ children }: { children: ReactNode }) {
  const [following, setFollowing] = useState(true);
  const value = useMemo(() => ({ following, setFollowing }), [following]);
  return (
    <FollowContext.Provider value={value}>
      <FollowWatcher following={following} />
      {children}
    </FollowContext.Provider>
  );
}

function FollowWatcher({ following }: { following: boolean }) {
  const { flow, me } = useFlow();
  const last = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const id = flow.currentItemId;
    const first = last.current === undefined;
    last.current = id;
    // Not on page load (the person starts at the top), not for one's own move, not while typing.
    if (first || !id || !following || flow.currentSince?.by === me.id || isTyping()) return;
    scrollToItem(id, false);
  }, [flow.currentItemId, flow.currentSince, following, me.id]);
  return null;
}
