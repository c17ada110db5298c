import type { ReactNode } from "react";
import { cardClass } from "./classes";

/** A titled card, reachable by its id from a section menu (scroll margin below the sticky bar). */
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
    <section id={id} aria-labelledby={`${id}-title`} data-testid={testId} className={`scroll-mt-24 ${cardClass}`}>
      <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {intro ? <div className="mt-1 text-slate-700">{intro}</div> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
