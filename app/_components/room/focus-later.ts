import { flushSync } from "react-dom";

/**
 * Add something and put the cursor in its text field at once (e.g. a just-added sub-goal). The
 * change is rendered synchronously (the room's stores read the document synchronously), so the
 * field exists when it is focused: focus never arrives later, when the person may already have
 * moved on to another field.
 */
export function addAndFocus(add: () => string, fieldId: (id: string) => string): string {
  let id = "";
  flushSync(() => {
    id = add();
  });
  document.getElementById(fieldId(id))?.focus();
  return id;
}
