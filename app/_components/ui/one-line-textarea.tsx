"use client";

import { useLayoutEffect, useRef, type ChangeEvent, type ComponentProps, type KeyboardEvent } from "react";

/** A text that must stay on one line (a title): line breaks typed or pasted become spaces. */
export const oneLine = (s: string) => s.replace(/\r\n?|\n/g, " ");

/** Where the browser sizes a field to its content by itself (Chromium, recent Safari). */
const sizesItself = () => typeof CSS !== "undefined" && CSS.supports("field-sizing", "content");

/** Elsewhere: as tall as its text (scrollHeight has the padding, not the border). */
function fit(el: HTMLTextAreaElement) {
  if (sizesItself()) return;
  el.style.height = "auto";
  el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
}

/** Enter in a one-line field of a form with a submit button sends the form, as an <input> does. */
function submitOwnForm(el: HTMLTextAreaElement) {
  const form = el.form;
  if (form && Array.from(form.elements).some((c) => c instanceof HTMLButtonElement && c.type === "submit")) form.requestSubmit();
}

/**
 * The field for a single line of text that can be long (a title, an action, a place): a textarea
 * that grows with its text, so a long title wraps on a phone instead of being cut off, while
 * keeping what a one-line <input> does — no line breaks (typed, pasted or from a phone's keyboard),
 * and Enter sends the form it is in. Everything else (value, maxLength, label, test id, ref) is a
 * textarea's own.
 */
export function OneLineTextarea({ ref, className = "", onKeyDown, onChange, onInput, ...rest }: ComponentProps<"textarea">) {
  const own = useRef<HTMLTextAreaElement | null>(null);
  // Every render may bring a new value (typed here or by someone else): keep the height right.
  useLayoutEffect(() => {
    if (own.current) fit(own.current);
  });
  useLayoutEffect(() => {
    const el = own.current;
    if (!el) return;
    // A phone's keyboard may send no Enter key at all, only an input event asking for a line break.
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType !== "insertLineBreak" && e.inputType !== "insertParagraph") return;
      e.preventDefault();
      submitOwnForm(el);
    };
    const onResize = () => fit(el);
    el.addEventListener("beforeinput", onBeforeInput);
    window.addEventListener("resize", onResize);
    return () => {
      el.removeEventListener("beforeinput", onBeforeInput);
      window.removeEventListener("resize", onResize);
    };
  }, []);
  return (
    <textarea
      rows={1}
      enterKeyHint="done"
      {...rest}
      ref={(el) => {
        own.current = el;
        if (typeof ref === "function") ref(el);
        else if (ref) ref.current = el;
      }}
      className={`${className} field-sizing-content resize-none overflow-hidden`}
      onKeyDown={(e: KeyboardEvent<HTMLTextAreaElement>) => {
        onKeyDown?.(e);
        if (e.key !== "Enter" || e.nativeEvent.isComposing || e.defaultPrevented) return;
        e.preventDefault();
        submitOwnForm(e.currentTarget);
      }}
      onInput={(e) => {
        fit(e.currentTarget);
        onInput?.(e);
      }}
      onChange={(e: ChangeEvent<HTMLTextAreaElement>) => {
        // Pasted or dropped line breaks: the value stays one line (the caret keeps its place).
        const el = e.currentTarget;
        if (/[\r\n]/.test(el.value)) {
          const { selectionStart, selectionEnd } = el;
          el.value = oneLine(el.value);
          el.setSelectionRange(selectionStart, selectionEnd);
        }
        onChange?.(e);
      }}
    />
  );
}
