"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { AgreementVersionSummary } from "@/lib/agreements/list-agreement-versions";

const POLL_MS = 10_000;

type Entry = { latest: AgreementVersionSummary | null | undefined; users: number; timer: ReturnType<typeof setInterval> | null };
const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

async function load(meetingId: string): Promise<void> {
  try {
    const res = await fetch(`/api/agreements?meetingId=${meetingId}`, { cache: "no-store" });
    const entry = entries.get(meetingId);
    if (!res.ok || !entry) return;
    const { versions } = (await res.json()) as { versions: AgreementVersionSummary[] };
    entry.latest = versions.at(-1) ?? null;
    for (const l of listeners) l();
  } catch {
    // Offline for a moment: the next tick tries again.
  }
}

/**
 * The meeting's newest agreement version (undefined until the first answer, null when there is
 * none), refreshed every few seconds — one poll per page however many parts show it (the room's
 * agreement box and the section menu's "Sign").
 */
export function useLatestAgreement(meetingId: string): AgreementVersionSummary | null | undefined {
  useEffect(() => {
    let entry = entries.get(meetingId);
    if (!entry) {
      entry = { latest: undefined, users: 0, timer: null };
      entries.set(meetingId, entry);
    }
    entry.users++;
    if (!entry.timer) {
      void load(meetingId);
      entry.timer = setInterval(() => void load(meetingId), POLL_MS);
    }
    return () => {
      const e = entries.get(meetingId);
      if (!e || --e.users > 0) return;
      if (e.timer) clearInterval(e.timer);
      entries.delete(meetingId);
    };
  }, [meetingId]);
  const get = () => entries.get(meetingId)?.latest;
  return useSyncExternalStore(subscribe, get, () => undefined);
}
