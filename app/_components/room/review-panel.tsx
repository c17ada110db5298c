"use client";

import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { MeetingDocView } from "@/lib/collab/schema";
import type { ReviewView } from "@/lib/collab/review";
import { describeChanges } from "@/lib/followup/describe-changes";
import { diffPlans } from "@/lib/followup/plan-diff";
import { snapshotFromView } from "@/lib/followup/snapshot-from-view";
import { formatDay } from "@/lib/followup/format";
import { switchReviewBasis } from "@/lib/followup/switch-review-basis";
import { can } from "@/lib/permissions";
import { buttonClass } from "@/app/_components/ui/classes";
import { useRoom } from "./room-context";
import { useReview, useReviewContext } from "./review-store";
import { Section } from "@/app/_components/ui/section";

/**
 * The review of the last agreement, above the agenda of a follow-up meeting: which version is
 * reviewed, how far the review has come (outcomes so far), and — live, while the meeting adjusts
 * the plan — what has changed since that version, in plain words. Renders nothing in a meeting
 * that does not follow up an agreement.
 */
export function ReviewPanel({ meetingId, view }: { meetingId: string; view: Pick<MeetingDocView, "plan" | "actions" | "followUp"> }) {
  const { conn } = useRoom();
  const review = useReview(conn.doc);
  if (!review) return null;
  return <Panel meetingId={meetingId} review={review} view={view} />;
}

function Panel({
  meetingId,
  review,
  view,
}: {
  meetingId: string;
  review: ReviewView;
  view: Pick<MeetingDocView, "plan" | "actions" | "followUp">;
}) {
  const t = useTranslations("followup.review");
  const tAll = useTranslations();
  const locale = useLocale();
  const { participants, conn, editable, me } = useRoom();
  const context = useReviewContext(meetingId, review.basis.agreementId);
  const version = review.basis.version;

  const counts = (kind: "action" | "subGoal") => {
    const items = review.items.filter((i) => i.kind === kind);
    const by = (o: string | null) => items.filter((i) => i.outcome === o).length;
    return { items, by };
  };
  const actions = counts("action");
  const subGoals = counts("subGoal");

  const changes = useMemo(() => {
    if (context.status !== "ready") return null;
    const basis = context.data.basis.snapshot;
    // Owners by name: the people of the meeting, and those named in the agreement (someone may have left since).
    const people = new Map<string, { name: string; role: string }>(
      basis.actions.flatMap((a) => (a.owner ? [[a.owner.participantId, { name: a.owner.name, role: a.owner.role }] as const] : [])),
    );
    for (const p of participants) people.set(p.id, { name: p.displayName, role: p.role });
    const lines = describeChanges(diffPlans(basis, snapshotFromView(view, people)), locale, (key, vars) => tAll(key, vars));
    return lines;
  }, [context, participants, view, locale, tAll]);

  return (
    <Section id="review" title={t("title", { version })} testId="review-panel" intro={<p>{t("intro")}</p>}>
      {context.status === "ready" && context.data.newer ? (
        <div
          className="mb-3 rounded-lg border-2 border-amber-700 bg-amber-50 p-3 text-amber-950"
          data-testid="review-newer-version"
          data-version={context.data.newer.version}
        >
          <p className="font-semibold">
            {t("newerBinding", {
              version,
              newer: context.data.newer.version,
              date: formatDay(context.data.newer.sealedAt.slice(0, 10), locale),
            })}
          </p>
          {editable && can(me.role, "prepare", "agreement") ? (
            <button
              type="button"
              className={`${buttonClass} mt-2`}
              data-testid="review-switch"
              onClick={() => {
                const { basis, newer } = context.data;
                if (!newer) return;
                switchReviewBasis(
                  conn.doc,
                  { agreementId: basis.id, version: basis.version, fingerprint: basis.fingerprint, snapshot: basis.snapshot },
                  { agreementId: newer.id, version: newer.version, fingerprint: newer.fingerprint, snapshot: newer.snapshot },
                  { reviewAction: tAll("followup.agenda.reviewAction"), reviewSubGoal: tAll("followup.agenda.reviewSubGoal") },
                );
              }}
            >
              {t("switchTo", { newer: context.data.newer.version })}
            </button>
          ) : (
            <p className="mt-1">{t("askToSwitch", { newer: context.data.newer.version })}</p>
          )}
        </div>
      ) : null}
      {context.status === "ready" ? (
        <p className="text-slate-800">{t("basis", { version, date: formatDay(context.data.basis.sealedAt.slice(0, 10), locale) })}</p>
      ) : null}
      <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="rounded-lg border border-slate-200 p-3" data-testid="review-actions-count">
          <dt className="font-semibold text-slate-900">{t("actionsTitle", { count: actions.items.length })}</dt>
          <dd className="text-slate-800">
            {t("actionsSummary", {
              done: actions.by("done"),
              slipped: actions.by("slipped"),
              dropped: actions.by("dropped"),
              open: actions.by(null),
            })}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 p-3" data-testid="review-subgoals-count">
          <dt className="font-semibold text-slate-900">{t("subGoalsTitle", { count: subGoals.items.length })}</dt>
          <dd className="text-slate-800">
            {t("subGoalsSummary", { on: subGoals.by("on_track"), off: subGoals.by("not_on_track"), open: subGoals.by(null) })}
          </dd>
        </div>
      </dl>
      <h3 className="mt-4 text-lg font-semibold text-slate-900">{t("changesTitle", { version })}</h3>
      {context.status === "failed" ? (
        <p className="text-slate-700">{t("contextFailed")}</p>
      ) : changes === null ? (
        <p className="text-slate-700">{t("loading")}</p>
      ) : changes.length === 0 ? (
        <p className="text-slate-700" data-testid="review-no-changes">
          {t("noChanges")}
        </p>
      ) : (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-900" data-testid="review-changes">
          {changes.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm text-slate-700">{t("becomesPart")}</p>
    </Section>
  );
}
