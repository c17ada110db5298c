"use client";

import { memo, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import {
  AGENDA_TITLE_MAX,
  TIMEBOX_MAX_MINUTES,
  addAgendaItem,
  addAgendaNotes,
  agendaTitleText,
  moveAgendaItem,
  removeAgendaItem,
  setAgendaItemDone,
  setAgendaItemMinutes,
  type AgendaItemView,
} from "@/lib/collab";
import { isAppError } from "@/lib/errors";
import { AgendaNotesEditor } from "./agenda-notes-editor";
import { ItemBoundary } from "./item-boundary";
import { NumberField } from "./number-field";
import { useRoom } from "./room-context";
import { YTextField } from "./y-text-field";
import { ReviewForAgendaItem } from "./review-item";
import { AgendaItemFlow } from "../meeting/agenda-item-flow";
import { agendaItemAnchor } from "../meeting/follow-current";
import { useLogChange } from "../meeting/use-log-change";
import { EditingMarker, FieldLabel } from "@/app/_components/room/field-label";
import { FieldError } from "@/app/_components/ui/field-error";
import { MoveButtons } from "@/app/_components/ui/move-buttons";
import { RemoveButton } from "@/app/_components/ui/remove-button";
import { Section } from "@/app/_components/ui/section";
import { buttonClass, inputBaseClass, inputClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { OneLineTextarea } from "@/app/_components/ui/one-line-textarea";

export const AgendaSection = memo(function AgendaSection({ items }: { items: AgendaItemView[] }) {
  const t = useTranslations("room.agenda");
  const { editable } = useRoom();
  const total = items.reduce((sum, i) => sum + (i.minutes ?? 0), 0);
  return (
    <Section
      id="agenda"
      title={t("title")}
      testId="agenda-section"
      intro={<p>{total > 0 ? t("introWithTotal", { count: items.length, minutes: total }) : t("intro")}</p>}
    >
      {items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="space-y-4" data-testid="agenda-list">
          {items.map((item, i) => (
            <ItemBoundary
              key={item.id}
              fallback={<li className="rounded-lg border border-slate-300 p-3 text-slate-700">{t("itemBroken")}</li>}
            >
              <AgendaItem item={item} index={i} last={i === items.length - 1} />
            </ItemBoundary>
          ))}
        </ol>
      )}
      {editable ? <AgendaAddForm /> : null}
    </Section>
  );
});

const AgendaItem = memo(function AgendaItem({ item, index, last }: { item: AgendaItemView; index: number; last: boolean }) {
  const t = useTranslations("room.agenda");
  const { conn, editable } = useRoom();
  const log = useLogChange();
  const doc = conn.doc;
  const titleText = useMemo(() => agendaTitleText(doc, item.id), [doc, item.id]);
  const base = `agenda-${item.id}`;
  return (
    <li
      id={agendaItemAnchor(item.id)}
      data-testid="agenda-item"
      data-item-id={item.id}
      className="scroll-mt-32 rounded-lg border border-slate-300 p-3 sm:p-4"
    >
      <AgendaItemFlow itemId={item.id} minutes={item.minutes} title={item.title} />
      <div className="flex flex-wrap items-start gap-3">
        <span
          className="mt-8 inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-200 text-sm font-semibold text-slate-800"
          aria-hidden="true"
        >
          {index + 1}
        </span>
        <div className="min-w-48 flex-1" data-field={`agenda:${item.id}.title`}>
          <FieldLabel htmlFor={`${base}-title`} field={`agenda:${item.id}.title`}>
            {t("itemTitle", { n: index + 1 })}
          </FieldLabel>
          <YTextField
            id={`${base}-title`}
            text={titleText}
            readOnly={!editable}
            limit="agendaTitle"
            autoComplete="off"
            testId="agenda-item-title"
          />
        </div>
        <div data-field={`agenda:${item.id}.minutes`}>
          <NumberField
            id={`${base}-minutes`}
            field={`agenda:${item.id}.minutes`}
            label={t("minutes")}
            value={item.minutes}
            onCommit={(v) => setAgendaItemMinutes(doc, item.id, v)}
            readOnly={!editable}
            integer
            invalidMessage={t("minutesInvalid", { max: TIMEBOX_MAX_MINUTES })}
            testId="agenda-item-minutes"
            width="w-24"
          />
        </div>
      </div>
      <div className="mt-2 flex items-center gap-2" data-field={`agenda:${item.id}.done`}>
        <input
          id={`${base}-done`}
          type="checkbox"
          className="size-5 accent-blue-700"
          checked={item.done}
          disabled={!editable}
          onChange={(e) => {
            setAgendaItemDone(doc, item.id, e.target.checked);
            if (e.target.checked) log("covered", item.id);
          }}
          data-testid="agenda-item-done"
        />
        <label htmlFor={`${base}-done`} className="text-base text-slate-800">
          {t("done")}
        </label>
        {item.done ? (
          <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">{t("doneBadge")}</span>
        ) : null}
        <EditingMarker field={`agenda:${item.id}.done`} />
      </div>
      <ReviewForAgendaItem agendaItemId={item.id} />
      <div className="mt-3">
        <div className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1">
          <span id={`${base}-notes-label`} className={labelClass}>
            {t("notes", { n: index + 1 })}
          </span>
          <EditingMarker field={`agenda:${item.id}.notes`} />
        </div>
        {item.hasNotes ? (
          <AgendaNotesEditor itemId={item.id} labelledBy={`${base}-notes-label`} />
        ) : editable ? (
          <button type="button" className={buttonClass} onClick={() => addAgendaNotes(doc, item.id)} data-testid="agenda-add-notes">
            {t("addNotes")}
          </button>
        ) : (
          <p className="text-slate-600">{t("noNotes")}</p>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <MoveButtons
          index={index}
          last={last}
          name={item.title}
          disabled={!editable}
          testIdPrefix="agenda"
          onMove={(to) => moveAgendaItem(doc, item.id, to)}
        />
        <RemoveButton
          name={item.title}
          disabled={!editable}
          testId="agenda-remove"
          onRemove={() => {
            removeAgendaItem(doc, item.id);
            log("agenda_removed", item.id);
          }}
        />
      </div>
    </li>
  );
});

function AgendaAddForm() {
  const t = useTranslations("room.agenda");
  const { conn } = useRoom();
  const log = useLogChange();
  const id = useId();
  const [title, setTitle] = useState("");
  const [minutes, setMinutes] = useState("");
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLTextAreaElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t("titleRequired"));
      titleRef.current?.focus();
      return;
    }
    const m = minutes.trim();
    const n = m === "" ? null : Number(m);
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > TIMEBOX_MAX_MINUTES)) {
      setError(t("minutesInvalid", { max: TIMEBOX_MAX_MINUTES }));
      return;
    }
    try {
      log("agenda_added", addAgendaItem(conn.doc, { title, minutes: n }));
      setTitle("");
      setMinutes("");
      setError(null);
      titleRef.current?.focus();
    } catch (err) {
      setError(isAppError(err) && err.code === "INVALID_INPUT" ? t("addInvalid") : t("addFailed"));
    }
  };

  return (
    <form
      onSubmit={submit}
      className="mt-6 rounded-lg border border-dashed border-slate-400 p-3 sm:p-4"
      data-testid="agenda-add-form"
      aria-labelledby={`${id}-legend`}
      noValidate
      data-native-undo
    >
      <h3 id={`${id}-legend`} className="text-base font-semibold text-slate-900">
        {t("addTitle")}
      </h3>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor={`${id}-title`} className={labelClass}>
            {t("newTitle")}
          </label>
          <OneLineTextarea
            ref={titleRef}
            id={`${id}-title`}
            className={`${inputClass} mt-1`}
            value={title}
            maxLength={AGENDA_TITLE_MAX}
            autoComplete="off"
            aria-describedby={`${id}-error`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="agenda-add-title"
          />
        </div>
        <div>
          <label htmlFor={`${id}-minutes`} className={labelClass}>
            {t("minutes")}
          </label>
          <input
            id={`${id}-minutes`}
            className={`${inputBaseClass} mt-1 w-24`}
            inputMode="numeric"
            value={minutes}
            autoComplete="off"
            onChange={(e) => setMinutes(e.target.value)}
            data-testid="agenda-add-minutes"
          />
        </div>
        <button type="submit" className={primaryButtonClass} data-testid="agenda-add-submit">
          {t("add")}
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </form>
  );
}
