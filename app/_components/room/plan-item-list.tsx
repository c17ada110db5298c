"use client";

import type { ReactNode } from "react";
import { buttonClass } from "@/app/_components/ui/classes";
import { addAndFocus } from "./focus-later";
import { useRoom } from "./room-context";

/**
 * One list of NAV's follow-up plan: its heading and intro, the empty text, the items, and the add
 * button that puts the cursor in the new item's title (`focusId` of the new id).
 */
export function PlanItemList<T extends { id: string }>({
  heading,
  intro,
  empty,
  items,
  renderItem,
  addLabel,
  addTestId,
  add,
  focusId,
}: {
  heading: string;
  intro: string;
  empty: string;
  items: readonly T[];
  renderItem: (item: T, index: number) => ReactNode;
  addLabel: string;
  addTestId: string;
  add: () => string;
  focusId: (id: string) => string;
}) {
  const { editable } = useRoom();
  return (
    <div>
      <h3 className="text-lg font-semibold text-slate-900">{heading}</h3>
      <p className="text-sm text-slate-700">{intro}</p>
      {items.length === 0 ? <p className="mt-2 text-slate-700">{empty}</p> : null}
      <ol className="mt-3 space-y-3">{items.map(renderItem)}</ol>
      {editable ? (
        <button type="button" className={`${buttonClass} mt-3`} data-testid={addTestId} onClick={() => addAndFocus(add, focusId)}>
          {addLabel}
        </button>
      ) : null}
    </div>
  );
}
