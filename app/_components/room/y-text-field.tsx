"use client";

import { useLayoutEffect, useMemo, useRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import * as Y from "yjs";
import { applyTextChange } from "@/lib/collab";
import { diffRange, mapIndex, type TextDelta } from "./text-sync";
import { inputClass } from "./ui";
import { DiagnosisNotice, yTextSource } from "../meeting/diagnosis-notice";

type Common = {
  text: Y.Text;
  id: string;
  readOnly: boolean;
  testId?: string;
  className?: string;
};

type Props =
  | (Common & { multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "defaultValue" | "onChange" | "id">)
  | (Common & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "defaultValue" | "onChange" | "id">);

/**
 * A plain <input>/<textarea> bound to a Y.Text. Local typing becomes the smallest
 * delete + insert (so concurrent typing elsewhere in the text merges); remote edits update the
 * field in place with the caret and selection mapped through the change. While an IME
 * composition is open the field is left alone and reconciled when it ends.
 */
export function YTextField(props: Props) {
  const { text, id, readOnly, testId, className, multiline, ...rest } = props;
  const ref = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
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
    const value = el.value;
    if (value === last.current) return;
    applyTextChange(text, last.current, value);
    last.current = value;
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

  const shared = {
    id,
    readOnly,
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
  if (multiline) {
    return (
      <>
        <textarea
          {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)}
          {...shared}
          ref={(el) => {
            ref.current = el;
          }}
        />
        {notice}
      </>
    );
  }
  return (
    <>
      <input
        type="text"
        {...(rest as InputHTMLAttributes<HTMLInputElement>)}
        {...shared}
        ref={(el) => {
          ref.current = el;
        }}
      />
      {notice}
    </>
  );
}
