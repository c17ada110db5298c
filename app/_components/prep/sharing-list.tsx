"use client";

import { memo, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { useTranslations } from "next-intl";
import { addSharingItem, removeSharingItem, setMayShare, setWhoSays, sharingItemText } from "@/lib/collab/prep-sharing";
import { MAY_SHARE, WHO_SAYS, type SharingItemView, type WhoSays } from "@/lib/collab/prep-schema";
import { buttonClass, dangerButtonClass, inputBaseClass, inputClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { OneLineTextarea } from "@/app/_components/ui/one-line-textarea";
import { YTextField } from "../room/y-text-field";
import { closeAndFocus } from "@/app/_components/ui/close-and-focus";

/** "What may be shared with the workplace": the item, may it be shared, who says it. */
export function SharingList({ doc, items, editable }: { doc: Y.Doc; items: SharingItemView[]; editable: boolean }) {
  const t = useTranslations("privacy.prep");
  return (
    <div data-testid="sharing-list">
      <h3 className="text-lg font-semibold text-slate-900">{t("sharingTitle")}</h3>
      <p className="text-slate-700">{t("sharingIntro")}</p>
      {items.length === 0 ? (
        <p className="mt-3 rounded-lg bg-slate-50 p-3 text-slate-700">{t("sharingEmpty")}</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {items.map((item, i) => (
            <SharingItem key={item.id} doc={doc} item={item} number={i + 1} editable={editable} />
          ))}
        </ol>
      )}
      {editable ? <AddItemForm doc={doc} /> : null}
    </div>
  );
}

const SharingItem = memo(function SharingItem({
  doc,
  item,
  number,
  editable,
}: {
  doc: Y.Doc;
  item: SharingItemView;
  number: number;
  editable: boolean;
}) {
  const t = useTranslations("privacy.prep");
  const text = useMemo(() => sharingItemText(doc, item.id), [doc, item.id]);
  const base = `sharing-${item.id}`;
  const who = whoSaysChoice(item.whoSays);
  return (
    <li className="rounded-lg border border-slate-300 p-3" data-testid="sharing-item">
      <label htmlFor={`${base}-text`} className={labelClass}>
        {t("itemLabel", { number })}
      </label>
      <YTextField text={text} id={`${base}-text`} readOnly={!editable} testId="sharing-item-text" />
      <div className="mt-3 flex flex-wrap gap-x-8 gap-y-3">
        <fieldset>
          <legend className={labelClass}>{t("mayShareLegend")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {MAY_SHARE.map((v) => (
              <label key={v} className="inline-flex min-h-10 items-center gap-2 text-slate-900">
                <input
                  type="radio"
                  name={`${base}-may`}
                  value={v}
                  checked={item.mayShare === v}
                  disabled={!editable}
                  onChange={() => setMayShare(doc, item.id, v)}
                  className="size-4"
                  data-testid={`sharing-may-${v}`}
                />
                {t(`mayShare.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={`${base}-who`} className={labelClass}>
              {t("whoSaysLabel")}
            </label>
            <select
              id={`${base}-who`}
              className={`${inputBaseClass} mt-1`}
              value={who}
              disabled={!editable}
              onChange={(e) => setWhoSays(doc, item.id, choiceToWhoSays(e.target.value, item.whoSays))}
              data-testid="sharing-who"
            >
              <option value="">{t("whoSays.notDecided")}</option>
              {WHO_SAYS.map((v) => (
                <option key={v} value={v}>
                  {t(`whoSays.${v}`)}
                </option>
              ))}
              <option value="other">{t("whoSays.other")}</option>
            </select>
          </div>
          {who === "other" ? (
            <div>
              <label htmlFor={`${base}-who-other`} className={labelClass}>
                {t("whoSaysOtherLabel")}
              </label>
              <input
                id={`${base}-who-other`}
                type="text"
                maxLength={200}
                className={`${inputBaseClass} mt-1 w-56`}
                value={typeof item.whoSays === "object" && item.whoSays ? item.whoSays.other : ""}
                readOnly={!editable}
                onChange={(e) => setWhoSays(doc, item.id, { other: e.target.value })}
                data-testid="sharing-who-other"
              />
            </div>
          ) : null}
        </div>
      </div>
      {editable ? <RemoveItem name={item.text} onRemove={() => removeSharingItem(doc, item.id)} /> : null}
    </li>
  );
});

function whoSaysChoice(v: WhoSays): string {
  if (v === null) return "";
  return typeof v === "string" ? v : "other";
}

function choiceToWhoSays(choice: string, current: WhoSays): WhoSays {
  if (choice === "") return null;
  if (choice === "other") return typeof current === "object" && current ? current : { other: "" };
  return (WHO_SAYS as readonly string[]).includes(choice) ? (choice as WhoSays) : null;
}

function RemoveItem({ name, onRemove }: { name: string; onRemove: () => void }) {
  const t = useTranslations("privacy.prep");
  const [confirming, setConfirming] = useState(false);
  const askRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const label = name.trim() || t("untitled");
  const keep = () => closeAndFocus(() => setConfirming(false), askRef);
  return (
    <div className="mt-3">
      {confirming ? (
        <span
          role="group"
          aria-label={t("confirmRemove")}
          className="inline-flex flex-wrap items-center gap-2"
          onKeyDown={(e) => {
            if (e.key === "Escape") keep();
          }}
        >
          <span className="text-sm text-slate-800">{t("confirmRemove")}</span>
          <button ref={confirmRef} type="button" className={dangerButtonClass} onClick={onRemove} data-testid="sharing-remove-confirm">
            {t("confirmRemoveButton")}
          </button>
          <button type="button" className={buttonClass} onClick={keep}>
            {t("keep")}
          </button>
        </span>
      ) : (
        <button
          ref={askRef}
          type="button"
          className={buttonClass}
          aria-label={t("removeNamed", { name: label })}
          onClick={() => setConfirming(true)}
          data-testid="sharing-remove"
        >
          {t("remove")}
        </button>
      )}
    </div>
  );
}

function AddItemForm({ doc }: { doc: Y.Doc }) {
  const t = useTranslations("privacy.prep");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t("emptyItem"));
      inputRef.current?.focus();
      return;
    }
    addSharingItem(doc, { text: text.trim() });
    setText("");
    setError(null);
  };
  return (
    <form onSubmit={submit} className="mt-4" noValidate>
      <label htmlFor="sharing-new" className={labelClass}>
        {t("newItemLabel")}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <OneLineTextarea
          ref={inputRef}
          id="sharing-new"
          className={`${inputClass} sm:max-w-md`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby="sharing-new-error"
          data-testid="sharing-new"
        />
        <button type="submit" className={primaryButtonClass} data-testid="sharing-add">
          {t("add")}
        </button>
      </div>
      <p id="sharing-new-error" className="mt-1 text-sm font-medium text-red-800" aria-live="polite">
        {error}
      </p>
    </form>
  );
}
