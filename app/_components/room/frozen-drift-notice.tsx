"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { AgreementVersionSummary } from "@/lib/agreements/list-agreement-versions";
import type { MeetingDocView } from "@/lib/collab/schema";
import { describeChanges } from "@/lib/followup/describe-changes";
import { diffPlans, type PlanSnapshot } from "@/lib/followup/plan-diff";
import { snapshotFromView } from "@/lib/followup/snapshot-from-view";
import { useRoom } from "./room-context";

const POLL_MS = 10_000;

type Frozen = { agreementId: string; version: number; snapshot: PlanSnapshot };

/**
 * In the room, at the top: the plan was changed after this meeting's newest version was frozen
 * for signing — what differs, live as people type, and the way to a new version. The room asks
 * for the frozen plan once per version (GET /api/agreements/<id>/plan) and compares it with the
 * live document itself. Nothing when no version of this meeting waits for signatures or binds.
 */
export function FrozenDriftNotice({
  meetingId,
  canPrepare,
  view,
}: {
  meetingId: string;
  canPrepare: boolean;
  view: Pick<MeetingDocView, "plan" | "actions" | "followUp">;
}) {
  const t = useTranslations("agreement.drift");
  const tAll = useTranslations();
  const locale = useLocale();
  const { participants } = useRoom();
  const [frozen, setFrozen] = useState<Frozen | null>(null);

  useEffect(() => {
    let stopped = false;
    let current: string | null = null;
    const load = async () => {
      try {
        const res = await fetch(`/api/agreements?meetingId=${meetingId}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const latest = ((await res.json()) as { versions: AgreementVersionSummary[] }).versions.at(-1);
        const relevant =
          latest && latest.meetingId === meetingId && (latest.state === "awaiting_signatures" || latest.state === "binding")
            ? latest
            : null;
        if (!relevant) {
          current = null;
          setFrozen(null);
          return;
        }
        if (relevant.id === current) return;
        const plan = await fetch(`/api/agreements/${relevant.id}/plan`, { cache: "no-store" });
        if (!plan.ok || stopped) return;
        const body = (await plan.json()) as Frozen;
        current = relevant.id;
        setFrozen({ agreementId: body.agreementId, version: body.version, snapshot: body.snapshot });
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [meetingId]);

  const lines = useMemo(() => {
    if (!frozen) return [];
    const people = new Map<string, { name: string; role: string }>(
      frozen.snapshot.actions.flatMap((a) =>
        a.owner ? [[a.owner.participantId, { name: a.owner.name, role: a.owner.role }] as const] : [],
      ),
    );
    for (const p of participants) people.set(p.id, { name: p.displayName, role: p.role });
    return describeChanges(diffPlans(frozen.snapshot, snapshotFromView(view, people)), locale, (key, vars) => tAll(key, vars));
  }, [frozen, participants, view, locale, tAll]);

  if (!frozen || lines.length === 0) return null;
  return (
    <section
      aria-labelledby="room-drift-title"
      className="mb-4 rounded-xl border-2 border-amber-700 bg-amber-50 p-4 text-amber-950"
      data-testid="room-plan-drift"
    >
      <h2 id="room-drift-title" className="text-lg font-semibold">
        {t("roomTitle", { version: frozen.version })}
      </h2>
      <p className="mt-1">{t("roomBody", { version: frozen.version })}</p>
      <ul className="mt-1 ml-5 list-disc space-y-0.5" data-testid="room-plan-drift-changes">
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
      <Link
        href={canPrepare ? `/meetings/${meetingId}/agreement?amend=1#amend` : `/meetings/${meetingId}/agreement`}
        className="mt-2 inline-block font-medium text-blue-900 underline underline-offset-2"
        data-testid="room-drift-open"
      >
        {canPrepare ? t("roomOpen") : t("roomOpenReader")}
      </Link>
    </section>
  );
}
