"use client";

import { createContext, useContext } from "react";

/**
 * Inside the meeting room, shared text fields show the diagnosis guard's notice. The preparation
 * panel and the shared screen provide nothing, so their fields show none. `canMove` is true for
 * the employee and the caseworker: only they can open the private preparation.
 */
export type GuardValue = {
  canMove: boolean;
  /** Copy the excerpt to the private preparation; resolves once it is stored there. */
  moveToPrep: (excerpt: string) => Promise<void>;
};

const GuardContext = createContext<GuardValue | null>(null);
export const GuardProvider = GuardContext.Provider;

export function useGuard(): GuardValue | null {
  return useContext(GuardContext);
}
