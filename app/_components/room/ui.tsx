"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { usePeersEditing } from "./room-context";

/** Shared look: calm, plain, large enough to hit on a phone, visible focus from globals.css. */
/** An input without a width: combine with a width class (inputClass is the full-width one). */
export const inputBaseClass =
  "block rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 read-only:bg-slate-50 disabled:bg-slate-100 disabled:text-slate-600";
export const inputClass = `${inputBaseClass} w-full`;
export const labelClass = "block text-sm font-medium text-slate-800";
export const buttonClass =
  "inline-flex min-h-10 items-center justify-center gap-1 rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:border-slate-300 aria-disabled:bg-slate-50 aria-disabled:text-slate-500";
export const primaryButtonClass =
  "inline-flex min-h-10 items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-60";
export const dangerButtonClass =
  "inline-flex min-h-10 items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800";

export function Section({
  id,
  title,
  intro,
  testId,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      className="scroll-mt-24 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {intro ? <div className="mt-1 text-slate-700">{intro}</div> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

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

export function FieldError({ id, message }: { id: string; message: string | null }) {
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800" aria-live="polite">
      {message}
    </p>
  );
}

/**
 * Move up / move down. The buttons stay focusable at the ends (aria-disabled) and keep focus
 * after the item moves, so a keyboard user can press the same button again.
 */
export function MoveButtons({
  index,
  count,
  name,
  onMove,
  disabled,
  testIdPrefix,
}: {
  index: number;
  count: number;
  name: string;
  onMove: (toIndex: number) => void;
  disabled: boolean;
  testIdPrefix: string;
}) {
  const t = useTranslations("room.common");
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const move = (dir: -1 | 1) => {
    const to = index + dir;
    if (disabled || to < 0 || to >= count) return;
    onMove(to);
    const el = dir < 0 ? up.current : down.current;
    requestAnimationFrame(() => el?.focus());
  };
  const label = name.trim() || t("untitled");
  if (disabled) return null;
  return (
    <>
      <button
        ref={up}
        type="button"
        className={buttonClass}
        aria-disabled={disabled || index === 0}
        aria-label={t("moveUp", { name: label })}
        data-testid={`${testIdPrefix}-move-up`}
        onClick={() => move(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        ref={down}
        type="button"
        className={buttonClass}
        aria-disabled={disabled || index === count - 1}
        aria-label={t("moveDown", { name: label })}
        data-testid={`${testIdPrefix}-move-down`}
        onClick={() => move(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </>
  );
}

/** Remove with a forgiving second step: "Remove for everyone" or "Keep". Escape keeps it. */
export function RemoveButton({
  name,
  onRemove,
  disabled,
  testId,
}: {
  name: string;
  onRemove: () => void;
  disabled: boolean;
  testId: string;
}) {
  const t = useTranslations("room.common");
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const label = name.trim() || t("untitled");
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (disabled) return null;
  if (!confirming) {
    return (
      <button
        ref={askRef}
        type="button"
        className={buttonClass}
        aria-label={t("removeNamed", { name: label })}
        data-testid={testId}
        onClick={() => setConfirming(true)}
      >
        {t("remove")}
      </button>
    );
  }
  const keep = () => {
    setConfirming(false);
    requestAnimationFrame(() => askRef.current?.focus());
  };
  return (
    <span
      role="group"
      aria-label={t("confirmRemove", { name: label })}
      className="inline-flex flex-wrap items-center gap-2"
      onKeyDown={(e) => {
        if (e.key === "Escape") keep();
      }}
    >
      <button ref={confirmRef} type="button" className={dangerButtonClass} data-testid={`${testId}-confirm`} onClick={onRemove}>
        {t("removeForEveryone")}
      </button>
      <button type="button" className={buttonClass} onClick={keep}>
        {t("keep")}
      </button>
    </span>
  );
}
