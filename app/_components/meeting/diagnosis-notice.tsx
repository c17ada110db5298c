"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { useTranslations } from "next-intl";
import { findDiagnosisTerms, sentenceAround } from "@/lib/privacy/diagnosis-guard";
import { buttonClass } from "@/app/_components/ui/classes";
import { useGuard, type GuardValue } from "./guard-context";

/** Where the guarded text comes from: a Y.Text, or a rich-text editor's plain text. */
export type GuardSource = {
  read: () => string;
  subscribe: (onChange: () => void) => () => void;
  /** Take the excerpt out of the shared text; false when it is no longer there as it was. */
  remove: (excerpt: string) => boolean;
};

export function yTextSource(text: Y.Text): GuardSource {
  return {
    read: () => text.toString(),
    subscribe: (fn) => {
      text.observe(fn);
      return () => text.unobserve(fn);
    },
    remove: (excerpt) => {
      const whole = text.toString();
      const i = whole.indexOf(excerpt);
      if (i < 0) return false;
      // "A. B. C." without B is "A. C.", not "A.  C.": take one of the spaces around it along.
      const spaceAfter = /[ \t]/.test(whole[i + excerpt.length] ?? "") && (i === 0 || /\s/.test(whole[i - 1]!));
      text.doc?.transact(() => text.delete(i, excerpt.length + (spaceAfter ? 1 : 0)));
      return true;
    },
  };
}

/**
 * A plain text value held by a component (e.g. a consent comment typed before it is saved) as a
 * guard source. `onRemove` receives the text without the moved excerpt.
 */
export function useValueSource(value: string, onRemove: (next: string) => void): GuardSource {
  const current = useRef(value);
  const listeners = useRef(new Set<() => void>());
  const remover = useRef(onRemove);
  useEffect(() => {
    remover.current = onRemove;
  });
  useEffect(() => {
    current.current = value;
    for (const l of listeners.current) l();
  }, [value]);
  return useMemo<GuardSource>(
    () => ({
      read: () => current.current,
      subscribe: (fn) => {
        listeners.current.add(fn);
        return () => listeners.current.delete(fn);
      },
      remove: (excerpt) => {
        const text = current.current;
        const i = text.indexOf(excerpt);
        if (i < 0) return false;
        remover.current(`${text.slice(0, i)} ${text.slice(i + excerpt.length)}`.replace(/\s+/g, " ").trim());
        return true;
      },
    }),
    [],
  );
}

type Found = { term: string; excerpt: string };
type Moving = "idle" | "busy" | "moved" | "copied" | "takenOut" | "failed";

/** Checked a moment after typing stops, never on every keystroke, and never in the way. */
const SETTLE_MS = 400;

/**
 * The diagnosis guard beside a shared field: when the text looks like it names a diagnosis or a
 * treatment, a calm notice reminds everyone that the employer has no right to know it, and offers
 * the employee and the caseworker to move the sentence to the private preparation. It never
 * blocks typing and never changes the text by itself.
 */
export function DiagnosisNotice({ source, fieldId }: { source: GuardSource; fieldId?: string }) {
  const guard = useGuard();
  if (!guard) return null;
  return <Notice source={source} fieldId={fieldId} guard={guard} />;
}

function Notice({ source, fieldId, guard }: { source: GuardSource; fieldId?: string; guard: GuardValue }) {
  const t = useTranslations("meeting.guard");
  const [found, setFound] = useState<Found | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [moving, setMoving] = useState<Moving>("idle");
  const inMeeting = guard.kind === "meeting";
  const canMove = inMeeting && guard.canMove;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const text = source.read();
      const [m] = findDiagnosisTerms(text);
      setFound(m ? { term: m.text, excerpt: sentenceAround(text, m.index, m.length).text } : null);
    };
    check();
    const off = source.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(check, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [source]);

  if (moving === "moved" || moving === "copied" || moving === "takenOut") {
    return (
      <p role="status" className="mt-2 rounded-md border border-teal-700 bg-teal-50 p-2 text-sm text-teal-950" data-testid="guard-moved">
        {t(moving)}
      </p>
    );
  }
  if (!found || dismissed === found.excerpt) return null;
  // The employee or the caseworker chose to leave it: nothing more to say, to anyone.
  if (inMeeting && guard.isKept(found.excerpt)) return null;

  const move = async () => {
    if (!inMeeting) return;
    setMoving("busy");
    try {
      await guard.moveToPrep(found.excerpt);
      setMoving(source.remove(found.excerpt) ? "moved" : "copied");
    } catch {
      setMoving("failed");
    }
  };
  const keep = () => {
    if (inMeeting && guard.keep) guard.keep(found.excerpt);
    setDismissed(found.excerpt);
  };
  const decides = inMeeting && guard.keep !== null;

  return (
    <div
      role="status"
      className="mt-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-sm text-amber-950"
      data-testid="diagnosis-notice"
      data-field-id={fieldId}
    >
      <p>
        <span aria-hidden="true" className="font-bold">
          ⓘ{" "}
        </span>
        {t(inMeeting ? "notice" : "noticeNote", { term: found.term })}
      </p>
      <p className="mt-1">{!inMeeting ? t("offerNote") : canMove ? t("offer") : t("othersHint")}</p>
      {decides ? <p className="mt-1">{t("maskedHint")}</p> : null}
      <div className="mt-2 flex flex-wrap gap-2">
        {canMove ? (
          <button type="button" className={buttonClass} onClick={() => void move()} disabled={moving === "busy"} data-testid="guard-move">
            {moving === "busy"
              ? t("moving")
              : t("move", { excerpt: found.excerpt.length > 60 ? `${found.excerpt.slice(0, 57)}…` : found.excerpt })}
          </button>
        ) : null}
        {!inMeeting ? (
          <button
            type="button"
            className={buttonClass}
            onClick={() => setMoving(source.remove(found.excerpt) ? "takenOut" : "idle")}
            data-testid="guard-take-out"
          >
            {t("takeOut", { excerpt: found.excerpt.length > 60 ? `${found.excerpt.slice(0, 57)}…` : found.excerpt })}
          </button>
        ) : null}
        <button type="button" className={buttonClass} onClick={keep} data-testid="guard-keep">
          {decides ? t("keepShared") : t("keep")}
        </button>
      </div>
      {moving === "failed" ? <p className="mt-2 font-medium text-red-800">{t("failed")}</p> : null}
    </div>
  );
}
