import type { PresentedGroup, PresentedSection } from "./frozen-document";
import { formatIsoDate, formatNumber, type Translate } from "./labels";
import type { FrozenReview } from "./frozen-document";

/**
 * The review's findings as a section of the next agreement's presentation (frozen in each
 * language like every other section): per agreed action its outcome, per sub-goal the meeting's
 * judgement and the progress recorded, each with the comment made.
 */
export function presentReview(review: FrozenReview, t: Translate, locale: string): PresentedSection {
  const groups: PresentedGroup[] = review.items.map((it) => {
    const outcome = it.outcome ? t(`followup.outcome.${it.outcome}`) : t("followup.outcome.none");
    const rows = [{ label: t("followup.frozen.outcome"), value: outcome }];
    if (it.kind === "subGoal") {
      const p = it.progress;
      rows.push({
        label: t("followup.frozen.progress"),
        value: it.progressPrivate
          ? t("followup.frozen.progressPrivate")
          : p && p.latest
            ? t("followup.frozen.progressValue", {
                value: formatNumber(p.latest.value, locale),
                date: formatIsoDate(p.latest.date, locale),
                count: p.entries,
              })
            : t("followup.frozen.noProgress"),
      });
    }
    rows.push({ label: t("followup.frozen.comment"), value: it.comment.trim() || t("followup.frozen.noComment") });
    return { title: t(it.kind === "action" ? "followup.frozen.action" : "followup.frozen.subGoal", { text: it.text.trim() || "…" }), rows };
  });
  return {
    heading: t("followup.frozen.heading", { version: review.basis.version }),
    intro: t("followup.frozen.intro"),
    rows: [],
    groups,
    empty: null,
  };
}
