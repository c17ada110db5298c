"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, dangerButtonClass } from "./classes";
import { closeAndFocus } from "./close-and-focus";

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
  const keep = () => closeAndFocus(() => setConfirming(false), askRef);
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
