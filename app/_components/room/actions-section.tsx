"use client";

import { memo, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import {
  ACTION_STATUSES,
  actionText,
  addAction,
  isActionStatus,
  moveAction,
  removeAction,
  setActionDue,
  setActionOwner,
  setActionStatus,
  type ActionView,
} from "@/lib/collab";
import { TEXT_LIMITS } from "@/lib/collab/text-limits";
import { DateField } from "./date-field";
import { useRoom } from "./room-context";
import { FieldError } from "@/app/_components/ui/field-error";
import { FieldLabel } from "@/app/_components/room/field-label";
import { MoveButtons } from "@/app/_components/ui/move-buttons";
import { RemoveButton } from "@/app/_components/ui/remove-button";
import { Section } from "@/app/_components/ui/section";
import { inputClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { OneLineTextarea } from "@/app/_components/ui/one-line-textarea";
import { YTextField } from "./y-text-field";
import { useLogChange } from "../meeting/use-log-change";
import { useFieldDateWarning } from "../meeting/date-warnings";
import { takesPart } from "@/lib/plan/roles";

/** Agreed actions: what, who (one of the case's participants), by when, and how far it is. */
export const ActionsSection = memo(function ActionsSection({ actions }: { actions: ActionView[] }) {
  const t = useTranslations("room.actions");
  const { editable } = useRoom();
  return (
    <Section id="actions" title={t("title")} testId="actions-section" intro={<p>{t("intro")}</p>}>
      {actions.length === 0 ? <p className="text-slate-700">{t("empty")}</p> : null}
      <ol className="space-y-4" data-testid="action-list">
        {actions.map((a, i) => (
          <ActionRow key={a.id} action={a} index={i} last={i === actions.length - 1} />
        ))}
      </ol>
      {editable ? <AddActionForm /> : null}
    </Section>
  );
});

const ActionRow = memo(function ActionRow({ action, index, last }: { action: ActionView; index: number; last: boolean }) {
  const t = useTranslations("room.actions");
  const tr = useTranslations("roles");
  const { conn, editable, participants } = useRoom();
  const log = useLogChange();
  const doc = conn.doc;
  const text = useMemo(() => actionText(doc, action.id), [doc, action.id]);
  const base = `action-${action.id}`;
  const key = (f: string) => `action:${action.id}.${f}`;
  const name = action.text.trim() || t("actionN", { n: index + 1 });
  // Observers only watch; everyone else can own an action.
  const owners = participants.filter((p) => takesPart(p.role));
  const ownerKnown = action.ownerId === null || owners.some((p) => p.id === action.ownerId);
  const dueWarning = useFieldDateWarning("action.due", action.id);
  return (
    <li className="rounded-lg border border-slate-300 p-3 sm:p-4" data-testid="action" data-item-id={action.id}>
      <div data-field={key("text")}>
        <FieldLabel htmlFor={`${base}-text`} field={key("text")}>
          {t("text", { n: index + 1 })}
        </FieldLabel>
        <YTextField
          id={`${base}-text`}
          text={text}
          multiline
          rows={2}
          limit="actionText"
          readOnly={!editable}
          autoComplete="off"
          testId="action-text"
        />
      </div>
      <div className="mt-3 grid gap-3 sm:grid-cols-3">
        <div data-field={key("owner")}>
          <FieldLabel htmlFor={`${base}-owner`} field={key("owner")}>
            {t("owner")}
          </FieldLabel>
          <select
            id={`${base}-owner`}
            className={inputClass}
            value={action.ownerId ?? ""}
            disabled={!editable}
            onChange={(e) => setActionOwner(doc, action.id, e.target.value || null)}
            data-testid="action-owner"
          >
            <option value="">{t("noOwner")}</option>
            {owners.map((p) => (
              <option key={p.id} value={p.id}>
                {t("ownerOption", { name: p.displayName, role: tr(p.role) })}
              </option>
            ))}
            {!ownerKnown && action.ownerId ? <option value={action.ownerId}>{t("unknownOwner")}</option> : null}
          </select>
        </div>
        <div data-field={key("due")}>
          <DateField
            id={`${base}-due`}
            field={key("due")}
            label={t("due")}
            value={action.due}
            readOnly={!editable}
            onCommit={(v) => setActionDue(doc, action.id, v)}
            testId="action-due"
            warning={dueWarning}
          />
        </div>
        <div data-field={key("status")}>
          <FieldLabel htmlFor={`${base}-status`} field={key("status")}>
            {t("status")}
          </FieldLabel>
          <select
            id={`${base}-status`}
            className={inputClass}
            value={action.status}
            disabled={!editable}
            onChange={(e) => {
              if (isActionStatus(e.target.value)) setActionStatus(doc, action.id, e.target.value);
            }}
            data-testid="action-status"
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <MoveButtons
          index={index}
          last={last}
          name={name}
          disabled={!editable}
          testIdPrefix="action"
          onMove={(to) => moveAction(doc, action.id, to)}
        />
        <RemoveButton
          name={name}
          disabled={!editable}
          testId="action-remove"
          onRemove={() => {
            removeAction(doc, action.id);
            log("action_removed", action.id);
          }}
        />
      </div>
    </li>
  );
});

function AddActionForm() {
  const t = useTranslations("room.actions");
  const { conn } = useRoom();
  const log = useLogChange();
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t("textRequired"));
      ref.current?.focus();
      return;
    }
    try {
      log("action_added", addAction(conn.doc, { text: text.trim() }));
      setText("");
      setError(null);
      ref.current?.focus();
    } catch {
      setError(t("addFailed"));
    }
  };
  return (
    <form
      onSubmit={submit}
      className="mt-6 rounded-lg border border-dashed border-slate-400 p-3 sm:p-4"
      data-testid="action-add-form"
      aria-labelledby={`${id}-h`}
      noValidate
      data-native-undo
    >
      <h3 id={`${id}-h`} className="text-base font-semibold text-slate-900">
        {t("addTitle")}
      </h3>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor={`${id}-text`} className={labelClass}>
            {t("newText")}
          </label>
          <OneLineTextarea
            ref={ref}
            id={`${id}-text`}
            className={`${inputClass} mt-1`}
            value={text}
            autoComplete="off"
            aria-describedby={`${id}-error`}
            aria-invalid={error ? true : undefined}
            maxLength={TEXT_LIMITS.actionText}
            onChange={(e) => setText(e.target.value)}
            data-testid="action-add-text"
          />
        </div>
        <button type="submit" className={primaryButtonClass} data-testid="action-add-submit">
          {t("add")}
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </form>
  );
}
