"use client";

import { memo, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { CONSENT_COMMENT_MAX, consentKey, textHash, type ConsentEntry, type ConsentValue } from "@/lib/collab/flow-schema";
import { setConsent } from "@/lib/collab/flow-consent";
import { closingCheck, type ConsentItem, type ItemConsent, type PersonState } from "@/lib/collab/flow-closing";
import { useConsentLabel } from "./consent-labels";
import { buttonClass, inputClass, inputBaseClass, labelClass } from "@/app/_components/ui/classes";
import { OneLineTextarea } from "@/app/_components/ui/one-line-textarea";
import { flowActor, useFlow, useFlowContext, useFlowValue, useMeetingView } from "./flow-context";
import { shareStructure } from "../collab/share-structure";
import { useNames } from "./use-names";
import { DiagnosisNotice, useValueSource } from "./diagnosis-notice";
import { useScreenText } from "./screen-text";
import { takesPart } from "@/lib/plan/roles";

const STATE_ICON: Record<PersonState, string> = { agree: "✓", reservations: "!", missing: "…", changed: "↻" };

/** The closing check computed from the live document (the same function the agreement page uses). */
export function useClosingCheck() {
  const f = useFlow();
  const view = useMeetingView();
  return closingCheck({
    actions: view.actions,
    subGoals: view.plan.subGoals,
    nextMeetingAt: view.followUp.nextMeetingAt,
    flow: f.flow,
    participants: f.participants,
    plan: view.plan,
    followUp: view.followUp,
    meetingDate: f.meetingDate ?? null,
  });
}

/**
 * Consent per item: each participant marks every part of the plan — the goal, the step, each
 * sub-goal, the mixer desk, the law's tools, each action and the follow-up — "agree" or "has
 * reservations" (with a short comment; "agree" clears it from the board, the history keeps it). The room sees the state per item and per person. The chair
 * can record what someone without a device says, naming them.
 */
export function ConsentBoard({ size = "normal" }: { size?: "normal" | "large" }) {
  const t = useTranslations("meeting.consent");
  const f = useFlow();
  const { withRole } = useNames();
  const check = useClosingCheck();
  const names = useConsentLabel();
  const id = useId();
  // On the shared screen only the chair marks (for someone in the room without a device).
  const canMark = f.editable && f.me.role !== "observer" && (f.surface === "room" || f.isChair);
  const [forWhom, setForWhom] = useState(f.me.id);
  const others = f.participants.filter((p) => takesPart(p.role) && p.id !== f.me.id);
  const subject = f.isChair ? forWhom : f.me.id;

  return (
    <div className="space-y-3" data-testid="consent-board">
      <p className={`${size === "large" ? "text-2xl" : ""} text-slate-800`}>
        {t("intro")}
        {check.items.some((i) => i.title !== undefined) ? ` ${t("introNavPlan")}` : null}
      </p>
      {check.items.length === 0 ? <p className="text-slate-700">{t("noItems")}</p> : null}
      {canMark && f.isChair && others.length > 0 && check.items.length > 0 ? (
        <div>
          <label htmlFor={`${id}-for`} className={labelClass}>
            {t("markingFor")}
          </label>
          <select
            id={`${id}-for`}
            className={`${inputBaseClass} mt-1`}
            value={forWhom}
            onChange={(e) => setForWhom(e.target.value)}
            data-testid="consent-for"
          >
            <option value={f.me.id}>{t("myself")}</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {t("onBehalf", { name: withRole(p.id) })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ol className="space-y-3">
        {check.perItem.map((c) => (
          <ConsentCard
            key={`${c.item.kind}:${c.item.id}`}
            consent={c}
            people={check.people}
            subject={canMark ? subject : null}
            size={size}
            kind={names.kind(c.item)}
            label={names.label(c.item)}
          />
        ))}
      </ol>
    </div>
  );
}

type MarksProps = {
  consent: ItemConsent;
  people: string[];
  subject: string | null;
  size: "normal" | "large";
  /** What the item says, named by the caller (naming reads the whole plan). */
  label: string;
};

/**
 * One card per item of the plan, re-rendered only when its own consent, people or names change.
 * The board recomputes the closing check (fresh objects) on every change to the document, and the
 * names are computed there; without this, adding one action re-rendered every card (issue 13 §4).
 */
const ConsentCard = memo(
  function ConsentCard({ kind, ...marks }: MarksProps & { kind: string }) {
    const { item } = marks.consent;
    return (
      <li
        className="rounded-lg border border-slate-300 bg-white p-3"
        data-testid="consent-item"
        data-item-id={item.id}
        data-kind={item.kind}
      >
        <p className={`${marks.size === "large" ? "text-xl 2xl:text-2xl" : "text-base"} font-semibold text-slate-900`}>
          <span className="font-normal text-slate-700">{kind}: </span>
          {marks.label}
        </p>
        <Marks {...marks} />
      </li>
    );
  },
  (a, b) =>
    a.subject === b.subject &&
    a.size === b.size &&
    a.kind === b.kind &&
    a.label === b.label &&
    shareStructure(a.people, b.people) === a.people &&
    shareStructure(a.consent, b.consent) === a.consent,
);

/**
 * One item's marks: my radios (or the chair's, for the person chosen), a note when a reservation
 * was resolved, and where each person stands. The board shows it under each item; the cards of
 * NAV's follow-up plan show it on the item itself (ItemConsentMarks).
 */
export function ConsentMarks({
  consent,
  people,
  subject,
  size = "normal",
}: {
  consent: ItemConsent;
  people: string[];
  subject: string | null;
  size?: "normal" | "large";
}) {
  const names = useConsentLabel();
  return <Marks consent={consent} people={people} subject={subject} size={size} label={names.label(consent.item)} />;
}

function Marks({ consent, people, subject, size, label }: MarksProps) {
  const t = useTranslations("meeting.consent");
  const consentMap = useFlowValue((flow) => flow.consent);
  const { withRole } = useNames();
  const screen = useScreenText();
  const { item } = consent;
  const resolvedEarlier = shownHasResolved(consentMap, item, people);
  const large = size === "large";
  const shown = subject && !people.includes(subject) ? [...people, subject] : people;
  return (
    <>
      {subject ? <MarkControls item={item} itemLabel={label} subject={subject} /> : null}
      {resolvedEarlier ? (
        <p className="mt-1 text-sm text-slate-700" data-testid="consent-resolved-note">
          {t("resolvedNote")}
        </p>
      ) : null}
      <ul className={`mt-2 grid gap-1 ${large ? "text-lg 2xl:text-xl" : "text-sm"}`} aria-label={t("statesLabel", { item: label })}>
        {shown.map((p) => {
          const state = consent.states[p] ?? "missing";
          const comment = consent.comments[p];
          const by = consentMap[consentKey(item.kind, item.id, p)]?.by;
          return (
            <li key={p} data-testid="consent-state" data-participant-id={p} data-state={state} className="flex flex-wrap gap-x-2">
              <span aria-hidden="true" className="w-4 font-bold">
                {STATE_ICON[state]}
              </span>
              <span className="font-medium">{withRole(p)}:</span>
              <span>{t(`state.${state}`)}</span>
              {comment ? <span className="text-slate-800">{t("quoted", { comment: screen(comment) })}</span> : null}
              {by && by !== p ? <span className="text-slate-700">{t("recordedBy", { name: withRole(by) })}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function MarkControls({ item, itemLabel, subject }: { item: ConsentItem; itemLabel: string; subject: string }) {
  const t = useTranslations("meeting.consent");
  const ctx = useFlowContext();
  const { withRole } = useNames();
  const id = useId();
  const entry = useFlowValue((flow) => flow.consent[consentKey(item.kind, item.id, subject)]);
  const [comment, setComment] = useState(entry?.comment ?? "");
  const [error, setError] = useState<string | null>(null);
  // Someone else (the chair, another device) changed the comment: show theirs.
  const [stored, setStored] = useState(entry?.comment ?? "");
  if (stored !== (entry?.comment ?? "")) {
    setStored(entry?.comment ?? "");
    setComment(entry?.comment ?? "");
  }
  const mine = subject === ctx.me.id;
  const write = (value: ConsentValue, text: string) => {
    if (text.trim().length > CONSENT_COMMENT_MAX) return setError(t("commentTooLong", { max: CONSENT_COMMENT_MAX }));
    setError(null);
    setConsent(
      ctx.conn.doc,
      { kind: item.kind, itemId: item.id, participantId: subject, value, comment: text, itemText: item.text },
      flowActor(ctx),
    );
  };
  // The comment is shared with everyone, the employer included: the diagnosis guard reads it as it
  // is typed (before it is saved), and moving a sentence out saves the comment without it.
  const guardSource = useValueSource(comment, (next) => {
    setComment(next);
    if (entry) write(entry.value, next);
  });
  // A mark made before the item's text changed counts as not made: it has to be given again.
  const value = entry && entry.textHash === textHash(item.text) ? entry.value : null;
  return (
    <fieldset className="mt-2" data-testid="consent-mark">
      {/* Named by its item for a screen reader, which meets the radios without the card's heading
          ("Your mark for: Visit the workplace weekly"); the eye has the item just above. */}
      <legend className="text-sm font-medium text-slate-800">
        <span aria-hidden="true">{mine ? t("yourMark") : t("markFor", { name: withRole(subject) })}</span>
        <span className="sr-only">
          {mine ? t("yourMarkFor", { item: itemLabel }) : t("markForItem", { name: withRole(subject), item: itemLabel })}
        </span>
      </legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {(["agree", "reservations"] as const).map((v) => (
          <div key={v} className="flex items-center gap-2">
            <input
              id={`${id}-${v}`}
              type="radio"
              name={`${id}-value`}
              className="size-5"
              checked={value === v}
              onChange={() => write(v, comment)}
              data-testid={`consent-${v}`}
            />
            <label htmlFor={`${id}-${v}`} className="text-base">
              {t(`value.${v}`)}
            </label>
          </div>
        ))}
      </div>
      {value === "reservations" ? (
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            write("reservations", comment);
          }}
          data-native-undo
        >
          <div className="min-w-48 flex-1">
            <label htmlFor={`${id}-comment`} className={labelClass}>
              {t("comment")}
            </label>
            <OneLineTextarea
              id={`${id}-comment`}
              className={`${inputClass} mt-1`}
              value={comment}
              maxLength={CONSENT_COMMENT_MAX}
              autoComplete="off"
              aria-describedby={`${id}-error`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setComment(e.target.value)}
              onBlur={(e) => {
                // Not when leaving for the guard's "move to the private preparation": the text
                // would reach the shared document (and its history) a moment before it leaves.
                if (e.relatedTarget instanceof Element && e.relatedTarget.closest('[data-testid="guard-move"]')) return;
                if (comment !== (entry?.comment ?? "")) write("reservations", comment);
              }}
              data-testid="consent-comment"
            />
          </div>
          <button type="submit" className={buttonClass} data-testid="consent-comment-save">
            {t("saveComment")}
          </button>
          <div className="basis-full">
            <DiagnosisNotice source={guardSource} fieldId={`${id}-comment`} />
          </div>
        </form>
      ) : null}
      <p id={`${id}-error`} className="text-sm font-medium text-red-800" aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}

/** Someone had reservations about this item earlier and has since agreed (their history keeps it). */
function shownHasResolved(consent: Record<string, ConsentEntry>, item: ConsentItem, people: string[]): boolean {
  return people.some((p) => {
    const c = consent[consentKey(item.kind, item.id, p)];
    return c !== undefined && c.value === "agree" && c.history.some((h) => h.value === "reservations");
  });
}
