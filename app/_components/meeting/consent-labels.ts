"use client";

import { useTranslations } from "next-intl";
import type { ConsentItem } from "@/lib/collab/consent-items";
import { MIXER_DIMENSIONS } from "@/lib/plan/mixer-desk";
import { PLAN_TOOLS } from "@/lib/plan/tools";
import { useMeetingView } from "./flow-context";
import { useScreenText } from "./screen-text";

/**
 * What a consent item is called on the board and in the closing check: a sub-goal or an action by
 * its text; a part of the whole plan by its name and what it says now ("The step: 3 – internship
 * …", "The law's tools: mentor, aids"); an item of NAV's follow-up plan by its title. Masked on the
 * shared screen where the diagnosis guard flags it.
 */
export function useConsentLabel(): {
  kind: (item: ConsentItem) => string;
  label: (item: ConsentItem) => string;
  full: (item: ConsentItem) => string;
} {
  const t = useTranslations("meeting.consent");
  const all = useTranslations();
  const view = useMeetingView();
  const { plan, followUp } = view;
  // On the shared screen a passage the diagnosis guard flags is masked (screen-text.ts).
  const shown = useScreenText();
  const kind = (item: ConsentItem) =>
    item.kind === "action" ? t("kindAction") : item.kind === "subGoal" ? t("kindSubGoal") : t(`kind.${item.kind}`);
  const label = (item: ConsentItem): string => shown(unmasked(item));
  const unmasked = (item: ConsentItem): string => {
    switch (item.kind) {
      case "action":
        return item.text.trim() || t("untitledAction");
      case "subGoal":
        return item.text.trim() || t("untitledSubGoal");
      case "goal":
        return plan.goal.trim() || t("notSet");
      case "step":
        return plan.step === null ? t("notSet") : `${plan.step} – ${all(`staircase.${plan.track}.${plan.step}`)}`;
      case "mixer": {
        const set = MIXER_DIMENSIONS.filter((d) => typeof plan.mixer[d] === "number").map((d) => `${all(`mixer.${d}`)} ${plan.mixer[d]}`);
        return set.length > 0 ? set.join(", ") : t("notSet");
      }
      case "tools": {
        const on = PLAN_TOOLS.filter((k) => plan.tools[k] === true).map((k) => all(`tools.${k}`));
        return on.length > 0 ? on.join(", ") : t("noTools");
      }
      case "followUp": {
        const parts = [followUp.howOften.trim(), followUp.jobCentre.trim()].filter(Boolean);
        return parts.length > 0 ? parts.join(" · ") : t("notSet");
      }
      case "workTask":
      case "navMeasure":
      case "triedMeasure":
        return item.title || t(`untitled.${item.kind}`);
    }
  };
  return { kind, label, full: (item) => `${kind(item)}: ${label(item)}` };
}
