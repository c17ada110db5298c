"use client";

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { maskFlagged } from "@/lib/privacy/flagged-passages";
import { useFlowContext } from "./flow-context";
import { useKeptPassages } from "./kept-passages";

/**
 * Shared text as this surface may show it. In the room it is shown as typed (each person's own
 * device; the diagnosis guard's notice sits beside the field). On the shared screen — large type,
 * the manager in the room — every passage the guard flags is replaced by a neutral note until the
 * employee or the caseworker has moved it to the private preparation or chosen to leave it.
 */
export function useScreenText(): (text: string) => string {
  const { surface } = useFlowContext();
  const { isKeptKey } = useKeptPassages();
  const t = useTranslations("meeting.guard");
  const masked = t("masked");
  return useCallback(
    (text: string) => {
      if (surface !== "present") return text;
      return maskFlagged(text, isKeptKey)
        .map((s) => (s.kind === "text" ? s.text : masked))
        .join("");
    },
    [surface, isKeptKey, masked],
  );
}
