import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and until React has taken the page over; true after. A form that
 * sends itself with `onSubmit` has no handler before then, and a tap on its button would submit it
 * natively (a reload of the page, its error and its focus lost): such a button waits for this.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
