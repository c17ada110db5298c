import type { RefObject } from "react";
import { flushSync } from "react-dom";

/**
 * Close a second step ("Keep", Escape) and give the focus back to the button that opened it, in
 * the same moment: the button that had the focus is gone, and without this the focus would fall
 * to the page's <body> (a screen reader starts again from the top) until a later frame.
 */
export function closeAndFocus(close: () => void, back: RefObject<HTMLElement | null>): void {
  flushSync(close);
  back.current?.focus();
}
