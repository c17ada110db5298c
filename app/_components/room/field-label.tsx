"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { labelClass } from "../ui/classes";
import { usePeersEditing } from "./room-context";

/** "Anna (manager) is editing" beside a field; the colour swatch is never the only signal. */
export function EditingMarker({ field }: { field: string }) {
  const t = useTranslations("room.presence");
  const peers = usePeersEditing(field);
  if (peers.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="editing-marker">
      {peers.map((p) => (
        <span
          key={p.user.participantId}
          className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 text-xs font-medium text-slate-800"
        >
          <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-full" style={{ backgroundColor: p.user.color }} />
          {t("isEditing", { name: p.user.name })}
        </span>
      ))}
    </span>
  );
}

/** A label row: the label, then who else is in this field. */
export function FieldLabel({ htmlFor, field, children }: { htmlFor: string; field: string; children: ReactNode }) {
  return (
    <div className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1">
      <label htmlFor={htmlFor} className={labelClass}>
        {children}
      </label>
      <EditingMarker field={field} />
    </div>
  );
}
