"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/app/_components/ui/classes";
import { closeAndFocus } from "@/app/_components/ui/close-and-focus";
import { ConfirmButton } from "@/app/cases/[id]/confirm-button";

/**
 * One entry of the organisation's own catalogue: its name and details, "Change" (opens its form in
 * place; Escape or "Cancel" closes it) and "Remove" with a second step (Escape keeps). After a
 * change the focus goes to the row's confirmation; after a removal the list says so (`onRemove`).
 */
export function EntryRow({
  name,
  details,
  testId,
  onRemove,
  form,
}: {
  name: string;
  details: ReactNode;
  testId: string;
  onRemove: () => void;
  /** The change form; `changed` closes it and announces the new name. */
  form: (changed: (name: string) => void) => ReactNode;
}) {
  const t = useTranslations("admin.catalogue");
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);
  // Opened: the focus goes to the form's first field, where the keyboard would go next anyway.
  useEffect(() => {
    if (editing) group.current?.querySelector<HTMLElement>("input:not([type=hidden]), select")?.focus();
  }, [editing]);

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId} data-name={name}>
      <p className="font-medium text-slate-900">{name}</p>
      {details}
      {editing ? (
        <div
          ref={group}
          role="group"
          aria-label={t("changeOf", { name })}
          onKeyDown={(e) => {
            if (e.key === "Escape") closeAndFocus(() => setEditing(false), changeRef);
          }}
        >
          {form((newName) => {
            setEditing(false);
            setMessage(t("changed", { name: newName }));
          })}
          <button type="button" className={`mt-2 ${buttonClass}`} onClick={() => closeAndFocus(() => setEditing(false), changeRef)}>
            {t("cancel")}
          </button>
        </div>
      ) : (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <button
            ref={changeRef}
            type="button"
            className={buttonClass}
            aria-label={t("changeOf", { name })}
            onClick={() => {
              setMessage(null);
              setEditing(true);
            }}
            data-testid={`${testId}-change`}
          >
            {t("change")}
          </button>
          <ConfirmButton
            label={t("remove")}
            ariaLabel={t("removeOf", { name })}
            confirm={t("removeQuestion", { name })}
            confirmLabel={t("removeYes")}
            danger
            testId={`${testId}-remove`}
            onConfirm={onRemove}
          />
        </div>
      )}
      <p ref={status} tabIndex={-1} role="status" className="mt-1 text-sm text-slate-800" data-testid={`${testId}-status`}>
        {message}
      </p>
    </li>
  );
}
