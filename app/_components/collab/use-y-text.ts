import { useCallback, useSyncExternalStore } from "react";
import type { Observable } from "./doc-view-store";

/**
 * One shared type of a Y.Doc read as a string, following every change inside it: for a reader that
 * needs one text and nothing else of the document (so it re-renders for that text alone). `read`
 * gets the type; equal strings are the same snapshot, so nothing re-renders for changes that leave
 * the text as it was.
 */
export function useYText<T extends Observable>(type: T, read: (type: T) => string): string {
  const subscribe = useCallback(
    (onChange: () => void) => {
      type.observeDeep(onChange);
      return () => type.unobserveDeep(onChange);
    },
    [type],
  );
  const snapshot = useCallback(() => read(type), [type, read]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
