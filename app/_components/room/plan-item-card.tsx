"use client";

import { useMemo, type ReactNode } from "react";
import { followUpPlanText, removeFollowUpPlanItem, type FollowUpPlanList } from "@/lib/collab/follow-up-plan";
import type { TextLimitKey } from "@/lib/collab/text-limits";
import { RemoveButton } from "@/app/_components/ui/remove-button";
import { DateField } from "./date-field";
import { FieldLabel } from "./field-label";
import { PlanItemSelect, type PlanItemSelectProps } from "./plan-item-select";
import { useRoom } from "./room-context";
import { YTextField } from "./y-text-field";

/** One select of a card; its id and presence key are made from the card's. */
export type PlanItemSelectConfig = Omit<PlanItemSelectProps, "id" | "field"> & { key: string; idSuffix: string };
export type PlanItemDateConfig = {
  key: string;
  idSuffix: string;
  label: string;
  value: string | null;
  onCommit: (v: string | null) => void;
  testId: string;
};
/** A shared text of the item (the title is `text`; the rest are multi-line notes). */
export type PlanItemNoteConfig = { key: string; idSuffix: string; label: string; limit: TextLimitKey; testId: string };

export type PlanItemCardConfig = {
  list: FollowUpPlanList;
  itemId: string;
  /** DOM id prefix ("work-task") and presence-key prefix ("workTask"). */
  idPrefix: string;
  fieldPrefix: string;
  testId: string;
  /** Extra data-* attributes on the card (what a spec or the screen reads). */
  data?: Record<`data-${string}`, string>;
  /** "Task 1": the title field's label; `name` is what the remove button calls it. */
  title: string;
  name: string;
  titleLimit: TextLimitKey;
  titleTestId: string;
  /** The grid of the title and the selects beside it (Tailwind columns). */
  columns: string;
  selects: PlanItemSelectConfig[];
  /** Shown under the title row: what only this kind of item has (a work task's adaptations). */
  extra?: ReactNode;
  dates?: PlanItemDateConfig[];
  notes?: PlanItemNoteConfig[];
  /** After the fields, before the remove button (the consent marks). */
  footer?: ReactNode;
  removeTestId: string;
};

const fieldKey = (c: Pick<PlanItemCardConfig, "fieldPrefix" | "itemId">, f: string) => `${c.fieldPrefix}:${c.itemId}.${f}`;

/**
 * One item of NAV's follow-up plan in the room — a work task, a measure or a measure tried —
 * as configuration: its title text, the selects beside it, its dates, its notes and the remove
 * button. The three lists differ only in their fields, so they share this one card. Not memoised
 * itself: its configuration is new each render; the kind's card around it is (nav-plan-cards.tsx).
 */
export function PlanItemCard({ config: c }: { config: PlanItemCardConfig }) {
  const { conn, editable } = useRoom();
  const doc = conn.doc;
  const base = `${c.idPrefix}-${c.itemId}`;
  const title = useMemo(() => followUpPlanText(doc, c.list, c.itemId, "text"), [doc, c.list, c.itemId]);
  return (
    <li className="rounded-lg border border-slate-300 p-3" data-testid={c.testId} data-item-id={c.itemId} {...c.data}>
      <div className={`grid gap-3 ${c.columns}`}>
        <div data-field={fieldKey(c, "text")}>
          <FieldLabel htmlFor={`${base}-text`} field={fieldKey(c, "text")}>
            {c.title}
          </FieldLabel>
          <YTextField
            id={`${base}-text`}
            text={title}
            limit={c.titleLimit}
            readOnly={!editable}
            autoComplete="off"
            testId={c.titleTestId}
          />
        </div>
        {c.selects.map(({ key, idSuffix, ...s }) => (
          <PlanItemSelect key={key} id={`${base}-${idSuffix}`} field={fieldKey(c, key)} {...s} />
        ))}
      </div>
      {c.extra}
      {c.dates && c.dates.length > 0 ? (
        <div className="mt-3 flex flex-wrap gap-3">
          {c.dates.map((d) => (
            <DateField
              key={d.key}
              id={`${base}-${d.idSuffix}`}
              field={fieldKey(c, d.key)}
              label={d.label}
              value={d.value}
              readOnly={!editable}
              onCommit={d.onCommit}
              testId={d.testId}
            />
          ))}
        </div>
      ) : null}
      {(c.notes ?? []).map((n) => (
        <div key={n.key} className="mt-3">
          <PlanItemNote list={c.list} itemId={c.itemId} idPrefix={c.idPrefix} fieldPrefix={c.fieldPrefix} note={n} />
        </div>
      ))}
      {c.footer}
      <div className="mt-2">
        <RemoveButton
          name={c.name}
          disabled={!editable}
          testId={c.removeTestId}
          onRemove={() => removeFollowUpPlanItem(doc, c.list, c.itemId)}
        />
      </div>
    </li>
  );
}

/** A multi-line shared text of an item (how, why not, how adapted), with who else is in it. */
export function PlanItemNote({
  list,
  itemId,
  idPrefix,
  fieldPrefix,
  note,
}: Pick<PlanItemCardConfig, "list" | "itemId" | "idPrefix" | "fieldPrefix"> & { note: PlanItemNoteConfig }) {
  const { conn, editable } = useRoom();
  const doc = conn.doc;
  const text = useMemo(() => followUpPlanText(doc, list, itemId, note.key), [doc, list, itemId, note.key]);
  const id = `${idPrefix}-${itemId}-${note.idSuffix}`;
  const field = fieldKey({ fieldPrefix, itemId }, note.key);
  return (
    <div data-field={field}>
      <FieldLabel htmlFor={id} field={field}>
        {note.label}
      </FieldLabel>
      <YTextField id={id} text={text} multiline rows={2} limit={note.limit} readOnly={!editable} testId={note.testId} />
    </div>
  );
}
