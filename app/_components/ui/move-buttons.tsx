"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "./classes";

/**
 * Move up / move down. The buttons stay focusable at the ends (aria-disabled) and keep focus
 * after the item moves, so a keyboard user can press the same button again.
 *
 * Told whether the item is the last one, not the list's length: a row memoised on its props then
 * re-renders only when its own place changes, not for every item added to the list (issue 13 §4).
 */
export function MoveButtons({
  index,
  last,
  name,
  onMove,
  disabled,
  testIdPrefix,
}: {
  index: number;
  /** This is the list's last item (it cannot move down). */
  last: boolean;
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
    if (disabled || to < 0 || (dir > 0 && last)) return;
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
        aria-disabled={disabled || last}
        aria-label={t("moveDown", { name: label })}
        data-testid={`${testIdPrefix}-move-down`}
        onClick={() => move(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </>
  );
}
