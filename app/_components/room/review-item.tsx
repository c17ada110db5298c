"use client";

import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { outcomesFor, reviewCommentText, setReviewOutcome, type ReviewItemView } from "@/lib/collab/review";
import type { ReviewContext } from "@/lib/followup/get-review-context";
import { formatDay, formatValue } from "@/lib/followup/format";
import { useRoom } from "./room-context";
import { useReview, useReviewContext } from "./review-store";
import { EditingMarker, FieldLabel } from "@/app/_components/room/field-label";
import { YTextField } from "./y-text-field";

/**
 * Inside an agenda item that reviews the last agreement: what was agreed (owner and date, or the
 * measure and the progress recorded since), what happened (done / slipped / dropped, or on track
 * or not) and a comment — in the shared document, so everyone sees it live and it goes into the
 * next agreement. Renders nothing for an ordinary agenda item.
 */
export function ReviewForAgendaItem({ agendaItemId }: { agendaItemId: string }) {
  const { conn } = useRoom();
  const review = useReview(conn.doc);
  const item = review?.items.find((i) => i.agendaItemId === agendaItemId);
  if (!review || !item) return null;
  return <ReviewItem item={item} agreementId={review.basis.agreementId} />;
}

function ReviewItem({ item, agreementId }: { item: ReviewItemView; agreementId: string }) {
  const t = useTranslations("followup.review");
  const tOutcome = useTranslations("followup.outcome");
  const { conn, editable, me } = useRoom();
  const doc = conn.doc;
  const meetingId = useMeetingId();
  const context = useReviewContext(meetingId, agreementId);
  const comment = useMemo(() => reviewCommentText(doc, item.id), [doc, item.id]);
  const base = `review-${item.id}`;
  const name = `${base}-outcome-${me.id}`;

  return (
    <div
      className="mt-3 rounded-lg border border-blue-200 bg-blue-50 p-3"
      data-testid="review-item"
      data-kind={item.kind}
      data-ref={item.refId}
      data-outcome={item.outcome ?? "none"}
    >
      <p className="text-sm font-semibold text-blue-950">{t(item.kind === "action" ? "kindAction" : "kindSubGoal")}</p>
      {context.status === "ready" ? (
        <Agreed item={item} data={context.data} />
      ) : context.status === "loading" ? (
        <p className="text-sm text-slate-700">{t("loading")}</p>
      ) : null}
      <fieldset className="mt-2" data-field={`review:${item.id}.outcome`}>
        <legend className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-800">
          {t(item.kind === "action" ? "whatHappened" : "onTrackQuestion")}
          <EditingMarker field={`review:${item.id}.outcome`} />
        </legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {outcomesFor(item.kind).map((o) => (
            <label key={o} className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2">
              <input
                type="radio"
                name={name}
                value={o}
                className="size-5 accent-blue-700"
                checked={item.outcome === o}
                disabled={!editable}
                onChange={() => setReviewOutcome(doc, item.id, o)}
                data-testid={`review-outcome-${o}`}
              />
              <span>{tOutcome(o)}</span>
            </label>
          ))}
          {editable && item.outcome ? (
            <button
              type="button"
              className="text-sm text-blue-800 underline underline-offset-2"
              onClick={() => setReviewOutcome(doc, item.id, null)}
              data-testid="review-outcome-clear"
            >
              {t("clear")}
            </button>
          ) : null}
        </div>
      </fieldset>
      <div className="mt-2" data-field={`review:${item.id}.comment`}>
        <FieldLabel htmlFor={`${base}-comment`} field={`review:${item.id}.comment`}>
          {t("comment")}
        </FieldLabel>
        <YTextField
          id={`${base}-comment`}
          text={comment}
          readOnly={!editable}
          multiline
          rows={2}
          limit="reviewComment"
          testId="review-comment"
        />
      </div>
    </div>
  );
}

/** The meeting id from the page address (/meetings/<id>): the room's props do not reach this deep. */
function useMeetingId(): string {
  return useMemo(() => (typeof window === "undefined" ? "" : (window.location.pathname.split("/")[2] ?? "")), []);
}

function Agreed({ item, data }: { item: ReviewItemView; data: ReviewContext }) {
  const t = useTranslations("followup.review");
  const tProgress = useTranslations("followup.progress");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  if (item.kind === "action") {
    const a = data.basis.snapshot.actions.find((x) => x.id === item.refId);
    if (!a) return null;
    return (
      <p className="text-sm text-slate-800">
        {a.owner ? t("owner", { name: a.owner.name, role: tRoles(a.owner.role) }) : t("noOwner")}
        {" · "}
        {a.due ? t("due", { date: formatDay(a.due, locale) }) : t("noDue")}
      </p>
    );
  }
  const m = data.measures.find((x) => x.subGoalId === item.refId);
  if (!m) return null;
  const unit = m.unit.trim();
  const v = (n: number | null) => (n === null ? "–" : `${formatValue(n, locale)}${unit ? ` ${unit}` : ""}`);
  const recent = m.entries.slice(-4).reverse();
  if (m.private) {
    return (
      <div className="text-sm text-slate-800" data-testid="review-progress" data-private="true">
        <p>
          {t("measure", {
            label: m.label || tProgress("valueFallback"),
            from: v(m.from),
            target: v(m.target),
            due: m.due ? formatDay(m.due, locale) : tProgress("noDate"),
          })}
        </p>
        <p className="font-semibold">{t("private")}</p>
      </div>
    );
  }
  return (
    <div className="text-sm text-slate-800" data-testid="review-progress" data-status={m.status.kind}>
      <p>
        {t("measure", {
          label: m.label || tProgress("valueFallback"),
          from: v(m.from),
          target: v(m.target),
          due: m.due ? formatDay(m.due, locale) : tProgress("noDate"),
        })}
      </p>
      <p className="font-semibold">
        {tProgress(`status.${m.status.kind}`)}
        {m.status.latest
          ? ` – ${tProgress("latest", { value: v(m.status.latest.value), date: formatDay(m.status.latest.date, locale) })}`
          : ""}
        {m.status.latest && m.status.expected !== null ? ` ${tProgress("expected", { value: v(m.status.expected) })}` : ""}
      </p>
      {recent.length > 0 ? (
        <ul className="mt-1 list-disc pl-5" aria-label={t("recent")}>
          {recent.map((e) => (
            <li key={e.id} data-testid="review-entry">
              {formatDay(e.date, locale)}: <span className="font-semibold">{v(e.value)}</span>
              {e.note ? ` – ${e.note}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{tProgress("noEntries")}</p>
      )}
    </div>
  );
}
