"use client";

import { useLayoutEffect, useMemo, useRef, useState, type TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import * as Y from "yjs";
import { applyTextChange, diffRange } from "@/lib/collab";
import { applyTextChangeWithin, TEXT_LIMITS, type TextLimitKey } from "@/lib/collab/text-limits";
import { mapIndex, type TextDelta } from "./text-sync";
import { inputClass } from "@/app/_components/ui/classes";
import { OneLineTextarea, oneLine } from "@/app/_components/ui/one-line-textarea";
import { DiagnosisNotice, yTextSource } from "../meeting/diagnosis-notice";

type Common = {
  text: Y.Text;
  id: string;
  readOnly: boolean;
  testId?: string;
  className?: string;
  /** The shared text's maximum (lib/collab/text-limits.ts): typing and pasting stop there. */
  limit?: TextLimitKey;
};

/** `multiline`: a text of several lines; without it one line that wraps (OneLineTextarea), for a title. */
type Props = Common & { multiline?: boolean } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    "value" | "defaultValue" | "onChange" | "id"
  >;

/**
 * A plain <textarea> bound to a Y.Text (for a title, one that grows and keeps to one line).
 * Local typing becomes the smallest delete + insert (so concurrent typing elsewhere in the text
 * merges); remote edits update the field in place with the caret and selection mapped through
 * the change. While an IME composition is open the field is left alone and reconciled when it
 * ends.
 */
export function YTextField(props: Props) {
  const { text, id, readOnly, testId, className, multiline, limit, ...rest } = props;
  const t = useTranslations("room.common");
  const max = limit ? TEXT_LIMITS[limit] : undefined;
  const [length, setLength] = useState(0);
  const ref = useRef<HTMLTextAreaElement | null>(null);
  /** What the field showed when it last agreed with the Y.Text. */
  const last = useRef("");
  const composing = useRef(false);
  const reconciling = useRef(false);
  /** Remote changes that arrived during a composition, in order. */
  const held = useRef<TextDelta[]>([]);
  // In the meeting room, a calm reminder when the text looks like a diagnosis (see DiagnosisNotice).
  const guardSource = useMemo(() => yTextSource(text), [text]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.value = text.toString();
    last.current = el.value;
    setLength(el.value.length);
    const onChange = (event: Y.YTextEvent) => {
      if (reconciling.current) return;
      if (composing.current) {
        held.current.push(event.delta as TextDelta);
        return;
      }
      const now = text.toString();
      if (now === el.value) {
        last.current = now;
        return;
      }
      const focused = document.activeElement === el;
      const { selectionStart, selectionEnd, selectionDirection } = el;
      el.value = now;
      last.current = now;
      setLength(now.length);
      if (focused && selectionStart !== null && selectionEnd !== null) {
        const delta = event.delta as TextDelta;
        el.setSelectionRange(mapIndex(delta, selectionStart), mapIndex(delta, selectionEnd), selectionDirection ?? "none");
      }
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  const commit = () => {
    const el = ref.current;
    if (!el || readOnly) return;
    // A title is one line (OneLineTextarea turns typed and pasted line breaks into spaces first).
    if (!multiline && /[\r\n]/.test(el.value)) el.value = oneLine(el.value);
    const value = el.value;
    if (value === last.current) return;
    const applied = limit ? applyTextChangeWithin(text, limit, last.current, value) : (applyTextChange(text, last.current, value), value);
    if (applied !== value) el.value = applied;
    last.current = applied;
    setLength(applied.length);
  };

  const endComposition = () => {
    composing.current = false;
    const el = ref.current;
    if (!el) return;
    const deltas = held.current;
    held.current = [];
    if (deltas.length === 0) return commit();
    // Others edited this field while the composition was open: apply our change at the place it
    // has moved to, then show the merged text.
    const { start, end, insert } = diffRange(last.current, el.value);
    let from = start;
    let to = end;
    for (const d of deltas) {
      from = mapIndex(d, from);
      to = Math.max(from, mapIndex(d, to));
    }
    reconciling.current = true;
    try {
      text.doc?.transact(() => {
        if (to > from) text.delete(from, to - from);
        if (insert) text.insert(from, insert);
      });
    } finally {
      reconciling.current = false;
    }
    const now = text.toString();
    el.value = now;
    last.current = now;
    const caret = from + insert.length;
    el.setSelectionRange(caret, caret);
  };

  // Near the limit, the field says how much room is left (and at the limit, that it stops there).
  const left = max === undefined ? null : max - length;
  const countId = `${id}-count`;
  const showCount = left !== null && max !== undefined && left <= Math.max(20, Math.round(max * 0.1));
  const describedBy = [rest["aria-describedby"], showCount ? countId : null].filter(Boolean).join(" ") || undefined;
  const count = showCount ? (
    <p id={countId} className="mt-1 text-sm text-slate-700" data-testid={testId ? `${testId}-count` : undefined}>
      {left! <= 0 ? t("textFull", { max: max! }) : t("textLeft", { count: left! })}
    </p>
  ) : null;

  const shared = {
    id,
    readOnly,
    maxLength: max ?? rest.maxLength,
    "aria-describedby": describedBy,
    "data-testid": testId,
    className: className ?? inputClass,
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: endComposition,
    onChange: (e: { nativeEvent: Event }) => {
      if (composing.current || (e.nativeEvent as InputEvent).isComposing) return;
      commit();
    },
  };

  const notice = <DiagnosisNotice source={guardSource} fieldId={id} />;
  const Field = multiline ? "textarea" : OneLineTextarea;
  // A text of several lines grows with it too (never cut off and scrolled inside on a phone), from
  // at least its `rows` (line height, the field's padding and border).
  const grows = multiline
    ? {
        className: `${className ?? inputClass} field-sizing-content`,
        style: { minHeight: `calc(${rest.rows ?? 2}lh + 1rem + 2px)`, ...rest.style },
      }
    : {};
  return (
    <>
      <Field
        {...rest}
        {...shared}
        {...grows}
        ref={(el: HTMLTextAreaElement | null) => {
          ref.current = el;
        }}
      />
      {count}
      {notice}
    </>
  );
}
