"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

const POLL_MS = 4000;

/** Refreshes the page when a version is prepared elsewhere (the chair's device), so nobody reads an old one. */
export function VersionWatcher({ meetingId, count }: { meetingId: string; count: number }) {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    // Never rejects: a failed poll is caught and retried on the next tick.
    const check = async () => {
      try {
        const res = await fetch(`/api/agreements?meetingId=${meetingId}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const { versions } = (await res.json()) as { versions: unknown[] };
        if (versions.length !== count) router.refresh();
      } catch {
        // Offline for a moment: try again on the next tick.
      }
    };
    const timer = setInterval(() => void check(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [meetingId, count, router]);
  return null;
}
