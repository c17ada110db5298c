"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { presenceColor } from "@/lib/collab";
import { useRoom } from "./room-context";

/**
 * Who is in the room right now, and who of the case is not (yet). Name and role are always
 * written out; the colour swatch (the same colour as their caret) is only an extra. `compact`:
 * one plain line per person (the shared screen).
 */
export function PresenceList({
  personal = true,
  compact = false,
  className,
}: {
  personal?: boolean;
  compact?: boolean;
  className?: string;
}) {
  const t = useTranslations("room.presence");
  const tr = useTranslations("roles");
  const { conn, me: viewer, participants } = useRoom();
  // On the shared screen nobody is "you" and the one who opened it is not listed first.
  const me = personal ? viewer : { id: null };
  const peers = useSyncExternalStore(conn.presence.subscribe, conn.presence.getSnapshot, conn.presence.getSnapshot);
  const here = new Set(peers.map((p) => p.user.participantId));
  here.add(viewer.id);
  const known = new Set(participants.map((p) => p.id));
  // Someone present whom the page does not know (joined the case after the page loaded).
  const extra = peers.filter(
    (p, i) => !known.has(p.user.participantId) && peers.findIndex((q) => q.user.participantId === p.user.participantId) === i,
  );
  const people = [
    ...participants.map((p) => ({
      id: p.id,
      name: p.displayName,
      role: p.role,
      color: presenceColor(p.colorIndex),
      present: here.has(p.id),
    })),
    ...extra.map((p) => ({ id: p.user.participantId, name: p.user.name, role: p.user.role, color: p.user.color, present: true })),
  ].sort((a, b) => Number(b.id === me.id) - Number(a.id === me.id) || Number(b.present) - Number(a.present));
  const count = people.filter((p) => p.present).length;
  return (
    <section aria-labelledby="presence-title" className={className ?? "rounded-xl border border-slate-200 bg-white p-4 shadow-sm"}>
      <h2 id="presence-title" className="text-base font-semibold text-slate-900">
        {t("title", { count })}
      </h2>
      <ul className={compact ? "mt-1 grid gap-0.5" : "mt-2 grid gap-2 sm:flex sm:flex-wrap"} data-testid="presence-list">
        {people.map((p) => (
          <li
            key={p.id}
            data-testid="presence-person"
            data-participant-id={p.id}
            data-present={p.present ? "true" : "false"}
            className={`flex flex-wrap items-center gap-x-2 ${compact ? "text-sm 2xl:text-base" : "rounded-lg border px-3 py-1 text-sm sm:rounded-full"} ${p.present ? "border-slate-400 bg-white text-slate-900" : "border-dashed border-slate-300 bg-slate-50 text-slate-700"}`}
          >
            <span
              aria-hidden="true"
              className={`inline-block size-3 shrink-0 rounded-full ${p.present ? "" : "opacity-40"}`}
              style={{ backgroundColor: p.color }}
            />
            <span className="font-medium">{p.id === me.id ? t("you", { name: p.name }) : p.name}</span>
            <span className="whitespace-nowrap text-slate-700">{tr(p.role)}</span>
            <span className={`whitespace-nowrap ${p.present ? "text-green-800" : "text-slate-700"}`}>
              {p.present ? t("here") : t("notHere")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
