"use client";

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { useFlowContext } from "./flow-context";

/**
 * "Mette Sørensen (caseworker)" for a participant id: a name with its role in words, never a
 * colour alone. Someone no longer on the case is "someone who has left the case".
 */
export function useNames() {
  const { participants, me: viewer, surface } = useFlowContext();
  // The shared screen is everyone's: nobody is "you" on it, whoever opened it.
  const me = surface === "present" ? { id: null } : viewer;
  const tr = useTranslations("roles");
  const t = useTranslations("meeting.people");
  const name = useCallback(
    (id: string | null | undefined): string => {
      const p = participants.find((x) => x.id === id);
      if (!p) return t("unknown");
      return p.id === me.id ? t("you", { name: p.displayName }) : p.displayName;
    },
    [participants, me.id, t],
  );
  const withRole = useCallback(
    (id: string | null | undefined): string => {
      const p = participants.find((x) => x.id === id);
      if (!p) return t("unknown");
      return t(p.id === me.id ? "youWithRole" : "withRole", { name: p.displayName, role: tr(p.role) });
    },
    [participants, me.id, t, tr],
  );
  return { name, withRole };
}
