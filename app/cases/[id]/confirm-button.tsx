"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, dangerButtonClass } from "@/app/_components/ui/classes";
import { closeAndFocus } from "@/app/_components/ui/close-and-focus";

/**
 * A button with a forgiving second step when the action cannot be undone: "Yes, …" or "Keep".
 * Escape keeps; focus moves to the question and back. With `confirm` null it acts at once.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  confirm,
  confirmLabel,
  danger,
  disabled,
  testId,
  onConfirm,
}: {
  label: string;
  ariaLabel: string;
  confirm: string | null;
  confirmLabel: string;
  danger?: boolean;
  disabled?: boolean;
  testId: string;
  onConfirm: () => void;
}) {
  const t = useTranslations("staff.people");
  const [asking, setAsking] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yesRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={askRef}
        type="button"
        className={buttonClass}
        aria-label={ariaLabel}
        // aria-disabled, not disabled: this button gets the focus back after "Keep" and after the
        // action, while it runs; a disabled button would drop it to <body>.
        aria-disabled={disabled || undefined}
        data-testid={testId}
        onClick={() => {
          if (disabled) return;
          if (confirm) setAsking(true);
          else onConfirm();
        }}
      >
        {label}
      </button>
    );
  }
  const keep = () => closeAndFocus(() => setAsking(false), askRef);
  return (
    <span
      role="group"
      aria-label={confirm ?? label}
      className="flex w-full flex-wrap items-center gap-2 rounded-md border border-slate-300 bg-slate-50 p-2"
      onKeyDown={(e) => {
        if (e.key === "Escape") keep();
      }}
    >
      <span className="text-sm text-slate-800">{confirm}</span>
      <button
        ref={yesRef}
        type="button"
        className={danger ? dangerButtonClass : buttonClass}
        aria-disabled={disabled || undefined}
        data-testid={`${testId}-confirm`}
        onClick={() => {
          if (disabled) return;
          closeAndFocus(() => setAsking(false), askRef);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={buttonClass} onClick={keep}>
        {t("keep")}
      </button>
    </span>
  );
}
