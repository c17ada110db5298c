import da from "../i18n/diagnosis-terms/da.json";
import nb from "../i18n/diagnosis-terms/nb.json";
import en from "../i18n/diagnosis-terms/en.json";
import { LOCALES, type Locale } from "../i18n/locales";

/**
 * The diagnosis guard: does a piece of shared text look like it names a diagnosis or a treatment?
 * The employer has no right to know the diagnosis, and the shared document reaches the employer.
 * This only ever REMINDS (a calm notice beside the field); it never blocks or changes typing.
 *
 * The term lists live beside the message catalogues (lib/i18n/diagnosis-terms/<locale>.json).
 * A term matches a whole word; `term*` also matches longer words starting with it, `*term` words
 * ending with it. Text is checked against every language's list, because people in a meeting
 * write in the meeting's language whatever language their screen is in.
 */
export type DiagnosisMatch = { term: string; locale: Locale; index: number; length: number; text: string };

const LISTS: Record<Locale, readonly string[]> = { da: da.terms, nb: nb.terms, en: en.terms };

/**
 * Matching runs on every keystroke, so it works on words, not one huge regular expression (which
 * tried every alternative at every position: ~100 ms for a paragraph). Text and terms are split
 * into words (letters and digits); a term is a sequence of words whose first may be open at its
 * start (`*kræft`) and whose last may be open at its end (`depressi*`).
 */
type Term = { term: string; locale: Locale; words: string[]; openStart: boolean; openEnd: boolean };
const WORD = /[\p{L}\p{N}]+/gu;

function compileTerm(term: string, locale: Locale): Term | null {
  const t = term.trim().toLowerCase().normalize("NFC");
  const words = t.match(WORD) ?? [];
  if (words.length === 0) return null;
  return { term, locale, words, openStart: t.startsWith("*"), openEnd: t.endsWith("*") };
}

const cache = new Map<string, Term[]>();
function termsFor(locales: readonly Locale[]): Term[] {
  const key = locales.join(",");
  let terms = cache.get(key);
  if (!terms) {
    terms = locales.flatMap((locale) => LISTS[locale].map((t) => compileTerm(t, locale)).filter((t): t is Term => t !== null));
    cache.set(key, terms);
  }
  return terms;
}

function wordMatches(word: string, want: string, openStart: boolean, openEnd: boolean): boolean {
  if (openStart && openEnd) return word.includes(want);
  if (openStart) return word.endsWith(want);
  if (openEnd) return word.startsWith(want);
  return word === want;
}

/** Every place in `text` that looks like a diagnosis or treatment, in order (one per place). */
export function findDiagnosisTerms(text: string, locales: readonly Locale[] = LOCALES): DiagnosisMatch[] {
  if (!text) return [];
  const source = text.normalize("NFC");
  const words: { w: string; start: number; end: number }[] = [];
  for (const m of source.matchAll(WORD)) words.push({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  const terms = termsFor(locales);
  const out: DiagnosisMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const t of terms) {
      const n = t.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        ok = wordMatches(words[i + k]!.w, t.words[k]!, k === 0 && t.openStart, k === n - 1 && t.openEnd);
      }
      if (!ok) continue;
      const start = words[i]!.start;
      const end = words[i + n - 1]!.end;
      out.push({ term: t.term, locale: t.locale, index: start, length: end - start, text: source.slice(start, end) });
      i += n - 1;
      break;
    }
  }
  return out;
}

export function looksLikeDiagnosis(text: string, locales: readonly Locale[] = LOCALES): boolean {
  return findDiagnosisTerms(text, locales).length > 0;
}

/**
 * The sentence (or line) around a match: what the notice offers to move to the private
 * preparation. Bounded by . ! ? and line breaks; trimmed.
 */
export function sentenceAround(text: string, index: number, length: number): { start: number; end: number; text: string } {
  const isStop = (c: string) => c === "." || c === "!" || c === "?" || c === "\n";
  let start = index;
  while (start > 0 && !isStop(text[start - 1]!)) start--;
  let end = index + length;
  while (end < text.length && !isStop(text[end]!)) end++;
  if (end < text.length && text[end] !== "\n") end++;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end, text: text.slice(start, end) };
}
