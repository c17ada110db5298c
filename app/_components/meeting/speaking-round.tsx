"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ROUND_TOPIC_MAX } from "@/lib/collab/flow-schema";
import { endRound, finishTurn, startRound } from "@/lib/collab/flow-rounds";
import { takesPart, type Role } from "@/lib/plan/roles";
import { buttonClass, inputClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { OneLineTextarea } from "@/app/_components/ui/one-line-textarea";
import { useFlow, useMeetingView } from "./flow-context";
import { useNames } from "./use-names";
import { useScreenText } from "./screen-text";
import { DiagnosisNotice, useValueSource } from "./diagnosis-notice";
import { WALL_MEDIA } from "./use-newest";

/** The employee speaks first (it is their return), the chair last (they sum up). */
const ROLE_ORDER: Record<Role, number> = { employee: 0, manager: 1, union_rep: 2, caseworker: 3, observer: 9, doctor: 9 };

/**
 * Speaking rounds: each participant a turn, in order. Everyone sees whose turn it is and who has
 * spoken (in words, not colour); the speaker ends their own turn, the chair can move on or skip.
 */
export function SpeakingRound({ size = "normal" }: { size?: "normal" | "large" }) {
  const t = useTranslations("meeting.round");
  const f = useFlow();
  const { withRole } = useNames();
  const shown = useScreenText();
  const round = f.flow.round;
  const active = round !== null && round.endedAt === null;
  const large = size === "large";
  const doc = f.conn.doc;
  const view = useMeetingView();
  const currentTitle = view.agenda.find((i) => i.id === f.flow.currentItemId)?.title.trim();
  // On the wall the round's panel may be short: keep whose turn it is in view.
  const order = useRef<HTMLOListElement>(null);
  const current = round?.current ?? null;
  useEffect(() => {
    if (large && current && window.matchMedia(WALL_MEDIA).matches)
      order.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: "nearest" });
  }, [large, current]);

  return (
    <div
      className="rounded-lg border border-slate-300 bg-white p-3 sm:p-4"
      data-testid="speaking-round"
      data-active={active ? "true" : "false"}
    >
      <h3 className={`${large ? "text-xl 2xl:text-3xl" : "text-lg"} font-semibold text-slate-900`}>
        {active ? t("titleActive") : t("title")}
      </h3>
      {round ? (
        <>
          {round.topic && !(large && currentTitle?.startsWith(round.topic)) ? (
            <p className={`${large ? "line-clamp-2 text-xl 2xl:text-2xl" : ""} mt-1 text-slate-800`}>
              {t("topic", { topic: shown(round.topic) })}
            </p>
          ) : null}
          <ol ref={order} className={`mt-1 grid gap-1 ${large ? "text-lg 2xl:text-2xl" : ""}`} data-testid="round-order">
            {round.order.map((p, i) => {
              const turn = round.turns[p];
              const state = turn ? (turn.passed ? "passed" : "spoken") : p === round.current ? "speaking" : "waiting";
              return (
                <li
                  key={p}
                  aria-current={state === "speaking" ? "true" : undefined}
                  data-testid="round-speaker"
                  data-participant-id={p}
                  data-state={state}
                  className={`flex flex-wrap items-center gap-x-2 rounded-md px-2 py-1 ${state === "speaking" ? "border-2 border-slate-900 bg-slate-100 font-semibold" : "border border-transparent"}`}
                >
                  <span aria-hidden="true" className="w-6 tabular-nums">
                    {state === "spoken" || state === "passed" ? "✓" : state === "speaking" ? "▶" : `${i + 1}.`}
                  </span>
                  <span>{withRole(p)}</span>
                  <span className="text-slate-700">– {t(`state.${state}`)}</span>
                </li>
              );
            })}
          </ol>
          {!active ? <p className="mt-2 text-slate-700">{t("ended")}</p> : null}
          {active && round.current === null ? <p className="mt-2 font-medium text-slate-900">{t("everyoneSpoke")}</p> : null}
          {active && round.current && f.surface === "room" && round.current === f.me.id && f.editable ? (
            <button
              type="button"
              className={`${primaryButtonClass} mt-3`}
              onClick={() => finishTurn(doc, round.id, f.me.id, f.actor())}
              data-testid="turn-done"
            >
              {t("imDone")}
            </button>
          ) : null}
          {active && f.isChair ? (
            <div className="mt-3 flex flex-wrap gap-2 border-t border-slate-200 pt-3" role="group" aria-label={t("chairControls")}>
              {round.current ? (
                <>
                  <button
                    type="button"
                    className={primaryButtonClass}
                    onClick={() => finishTurn(doc, round.id, round.current!, f.actor())}
                    data-testid="round-next"
                  >
                    {t("next", { name: withRole(round.current) })}
                  </button>
                  <button
                    type="button"
                    className={buttonClass}
                    onClick={() => finishTurn(doc, round.id, round.current!, f.actor(), { passed: true })}
                    data-testid="round-skip"
                  >
                    {t("skip")}
                  </button>
                </>
              ) : null}
              <button type="button" className={buttonClass} onClick={() => endRound(doc, f.actor())} data-testid="round-end">
                {t("end")}
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <p className="mt-1 text-slate-700">{t("none")}</p>
      )}
      {!active && f.isChair ? <StartRoundForm /> : null}
    </div>
  );
}

function StartRoundForm() {
  const t = useTranslations("meeting.round");
  const f = useFlow();
  const view = useMeetingView();
  const { withRole } = useNames();
  const id = useId();
  const peers = useSyncExternalStore(f.conn.presence.subscribe, f.conn.presence.getSnapshot, f.conn.presence.getSnapshot);
  const speakers = f.participants
    .filter((p) => takesPart(p.role))
    .sort(
      (a, b) =>
        Number(a.id === f.flow.chairId) - Number(b.id === f.flow.chairId) ||
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        a.displayName.localeCompare(b.displayName),
    );
  const present = new Set(peers.map((p) => p.user.participantId));
  // Default: everyone who is here; when presence says nobody (a shared screen only), everyone.
  const [left, setLeft] = useState<Set<string>>(
    () => new Set(speakers.filter((p) => present.size > 1 && !present.has(p.id)).map((p) => p.id)),
  );
  const current = view.agenda.find((i) => i.id === f.flow.currentItemId);
  const [topic, setTopic] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The topic is shown to everyone (and on the shared screen): the diagnosis guard reads it as typed.
  const topicSource = useValueSource(topic, setTopic);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const order = speakers.filter((p) => !left.has(p.id)).map((p) => p.id);
    if (order.length === 0) return setError(t("needSpeakers"));
    try {
      startRound(f.conn.doc, { topic: topic.trim() || current?.title.trim() || "", order }, f.actor());
      setTopic("");
      setError(null);
    } catch {
      setError(t("startFailed"));
    }
  };

  return (
    <form
      onSubmit={submit}
      className="mt-3 space-y-3 border-t border-slate-200 pt-3"
      data-testid="round-start-form"
      noValidate
      data-native-undo
    >
      <div>
        <label htmlFor={`${id}-topic`} className={labelClass}>
          {t("topicLabel")}
        </label>
        <OneLineTextarea
          id={`${id}-topic`}
          className={`${inputClass} mt-1`}
          value={topic}
          maxLength={ROUND_TOPIC_MAX}
          placeholder={current?.title.trim() || undefined}
          onChange={(e) => setTopic(e.target.value)}
          autoComplete="off"
          data-testid="round-topic"
        />
        <DiagnosisNotice source={topicSource} fieldId={`${id}-topic`} />
      </div>
      <fieldset>
        <legend className={labelClass}>{t("whoSpeaks")}</legend>
        <ul className="mt-1 grid gap-1">
          {speakers.map((p) => (
            <li key={p.id} className="flex items-center gap-2">
              <input
                id={`${id}-${p.id}`}
                type="checkbox"
                className="size-5"
                checked={!left.has(p.id)}
                onChange={(e) =>
                  setLeft((s) => {
                    const next = new Set(s);
                    if (e.target.checked) next.delete(p.id);
                    else next.add(p.id);
                    return next;
                  })
                }
                data-testid="round-include"
              />
              <label htmlFor={`${id}-${p.id}`}>{withRole(p.id)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p id={`${id}-error`} className="text-sm font-medium text-red-800" aria-live="polite">
        {error}
      </p>
      <button type="submit" className={primaryButtonClass} data-testid="round-start">
        {t("start")}
      </button>
    </form>
  );
}
