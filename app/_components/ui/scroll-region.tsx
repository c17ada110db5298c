"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * A wide table on a narrow screen: a named region the keyboard can scroll (it takes the focus),
 * and — only while it is wider than its box — a visible line that says it scrolls sideways, tied
 * to the region for a screen reader too.
 */
export function ScrollRegion({
  label,
  className = "",
  testId,
  children,
}: {
  label: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const t = useTranslations("common");
  const hintId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWide(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {wide ? (
        <p id={hintId} className="mt-2 text-sm text-slate-700" data-testid="scroll-hint">
          <span aria-hidden="true">↔ </span>
          {t("scrollHint")}
        </p>
      ) : null}
      <div
        ref={ref}
        className={`relative overflow-x-auto ${className}`}
        // Focusable, so a keyboard can scroll the table sideways on a phone.
        tabIndex={0}
        role="region"
        aria-label={label}
        aria-describedby={wide ? hintId : undefined}
        data-testid={testId}
      >
        {children}
      </div>
    </>
  );
}
