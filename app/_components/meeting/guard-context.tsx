"use client";

import { createContext, useContext } from "react";

/**
 * Where shared text is typed, fields show the diagnosis guard's notice. The meeting room provides
 * `meeting` (the shared document: `canMove` and `keep` for the employee and the caseworker — only
 * they can open the private preparation, and only their "leave it" lets the shared screen show the
 * passage); a form whose own unsaved text others will read (a progress note) provides `note`, which
 * offers to take the sentence out. The preparation panel and the shared screen provide nothing, so
 * their fields show none.
 */
export type GuardValue =
  | {
      kind: "meeting";
      canMove: boolean;
      /** Copy the excerpt to the private preparation; resolves once it is stored there. */
      moveToPrep: (excerpt: string) => Promise<void>;
      /** Record the employee's or caseworker's "leave it" in the shared document; null for everyone else. */
      keep: ((excerpt: string) => void) | null;
      /** Did the employee or the caseworker already choose to leave it? Then there is nothing to say. */
      isKept: (excerpt: string) => boolean;
    }
  | { kind: "note" };

const GuardContext = createContext<GuardValue | null>(null);
export const GuardProvider = GuardContext.Provider;

export function useGuard(): GuardValue | null {
  return useContext(GuardContext);
}
