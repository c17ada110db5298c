"use client";

import { useEffect, useState } from "react";
import type { PartyStatus } from "@/lib/agreements/agreement-state";
import { useLatestAgreement } from "./use-latest-agreement";

/**
 * The meeting's newest version is waiting for this person's signature: its id, else null. Asked
 * once per version (the room's poll says when a new one is ready); after signing, the agreement
 * page is where the person is, and coming back to the room asks again.
 */
export function useMySignatureDue(meetingId: string): string | null {
  const latest = useLatestAgreement(meetingId);
  const open = latest?.state === "awaiting_signatures" ? latest.id : null;
  const [due, setDue] = useState<{ id: string; mine: boolean } | null>(null);
  useEffect(() => {
    if (!open) return;
    let stopped = false;
    void (async () => {
      try {
        const res = await fetch(`/api/agreements/${open}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const a = (await res.json()) as { me?: { party?: PartyStatus | null } };
        const party = a.me?.party;
        setDue({ id: open, mine: Boolean(party && party.state !== "signed" && party.state !== "declined") });
      } catch {
        // Offline: the menu simply does not offer "Sign" yet.
      }
    })();
    return () => {
      stopped = true;
    };
  }, [open]);
  return open && due?.id === open && due.mine ? open : null;
}
