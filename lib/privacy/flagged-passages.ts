import type { Locale } from "../i18n/locales";
import { findDiagnosisTerms, sentenceAround } from "./diagnosis-guard";
import { fnv1a } from "./fnv1a";

/**
 * The passages of a shared text that the diagnosis guard flags — each the sentence (or line)
 * around a match, merged where they touch — and a stable key per passage, so the choice "leave it"
 * made by the employee or the caseworker can be stored without the text itself.
 */
export type FlaggedPassage = { start: number; end: number; excerpt: string; key: string };

/** A key for a passage: the same sentence typed again (other spacing, other case) has the same key. */
export function passageKey(excerpt: string): string {
  const s = excerpt.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  // Twice with different offsets: 64 bits, so two passages of one text hardly ever share a key.
  return `${fnv1a(s)}${fnv1a(s, 0x01000193)}`;
}

export function flaggedPassages(text: string, locales?: readonly Locale[]): FlaggedPassage[] {
  if (!text) return [];
  const source = text.normalize("NFC");
  const spans: { start: number; end: number }[] = [];
  for (const m of findDiagnosisTerms(source, locales)) {
    const s = sentenceAround(source, m.index, m.length);
    const last = spans.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else spans.push({ start: s.start, end: s.end });
  }
  return spans.map(({ start, end }) => {
    const excerpt = source.slice(start, end);
    return { start, end, excerpt, key: passageKey(excerpt) };
  });
}

export type ScreenSegment = { kind: "text"; text: string } | { kind: "masked"; key: string };

/**
 * A shared text as the shared screen may show it: every flagged passage not kept (`isKept` says
 * whether the employee or the caseworker chose to leave it) becomes a masked segment.
 */
export function maskFlagged(text: string, isKept: (key: string) => boolean): ScreenSegment[] {
  const source = text.normalize("NFC");
  const out: ScreenSegment[] = [];
  let at = 0;
  for (const p of flaggedPassages(source)) {
    if (isKept(p.key)) continue;
    if (p.start > at) out.push({ kind: "text", text: source.slice(at, p.start) });
    out.push({ kind: "masked", key: p.key });
    at = p.end;
  }
  if (at < source.length) out.push({ kind: "text", text: source.slice(at) });
  return out;
}
