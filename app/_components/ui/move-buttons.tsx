"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "./classes";

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
