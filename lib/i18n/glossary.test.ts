import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { allCatalogues } from "./catalogue";
import type { Locale } from "./locales";

/**
 * The catalogues follow docs/glossary.md. These are the wrong words issue 18 found, each with the
 * word the glossary prefers; a rule is scoped to the keys where the word is wrong (an agreed action
 * is never "aftale", but the signed agreement is).
 */
type Rule = { locale: Locale; not: RegExp; prefer: string; keys?: (key: string) => boolean };

/** Keys about agreed actions, except the few that speak of the signed agreement itself. */
const ABOUT_THE_AGREEMENT = new Set(["followup.actions.noAgreement", "followup.actions.none"]);
const actionKeys = (k: string) => /action/i.test(k) && !ABOUT_THE_AGREEMENT.has(k);
const mixerKeys = (k: string) => /mixer/i.test(k);
const supporterKeys = (k: string) => /^agreement(Doc|Pdf)?\./.test(k);
const businessKeys = (k: string) => k.startsWith("meeting.business.");
const only = (key: string) => (k: string) => k === key;

const RULES: Rule[] = [
  // Danish
  { locale: "da", not: /taletur/i, prefer: "talerunde" },
  { locale: "da", not: /logget ind som medarbejder/i, prefer: "logget ind som jobcentermedarbejder" },
  { locale: "da", not: /^Svaret$/, prefer: "Besvaret", keys: only("followup.answers.when") },
  { locale: "da", not: /syg på deltid|fuldtidssyg/i, prefer: "Delvis raskmeldt / Fuldt sygemeldt", keys: businessKeys },
  { locale: "da", not: /verifikationsfil/i, prefer: "kontrolfil" },
  { locale: "da", not: /\baftale(n|r|rne|ns)?\b/i, prefer: "handling / opgave", keys: actionKeys },
  { locale: "da", not: /siden siden/i, prefer: "efter at siden blev vist" },
  { locale: "da", not: /[„“”"]/, prefer: "»…«" },
  { locale: "da", not: /\b\d{1,2}:\d{2}\b/, prefer: "10.00" },
  { locale: "da", not: /\bknap(pen|per|perne)?\b/i, prefer: "skyder", keys: mixerKeys },
  // Norwegian Bokmål
  { locale: "nb", not: /\bstøtte\b/i, prefer: "støtteperson", keys: supporterKeys },
  { locale: "nb", not: /mikse?r?pult/i, prefer: "miksebordet" },
  { locale: "nb", not: /\btiltak(et|ene)?\b|\bavtale(n|r|ne)?\b/i, prefer: "avtalt oppgave", keys: actionKeys },
  { locale: "nb", not: /tiltakene/i, prefer: "avtalte oppgaver", keys: only("meeting.consent.intro") },
  { locale: "nb", not: /arbeidspraksis/i, prefer: "arbeidstrening" },
  { locale: "nb", not: /taletur/i, prefer: "talerunde" },
  { locale: "nb", not: /^Skjønner$/, prefer: "Greit", keys: only("meeting.catchUp.dismiss") },
  { locale: "nb", not: /ikke valgt trinn/i, prefer: "Ingen trinn valgt ennå" },
  { locale: "nb", not: /\bmøteleder (gjør|velger|starter|har|kan)\b/i, prefer: "møtelederen" },
  { locale: "nb", not: /trinn(et)? på trappen/i, prefer: "trinn i trappen" },
  { locale: "nb", not: /\blista\b/i, prefer: "listen" },
  { locale: "nb", not: /\bkr\b|kroner/i, prefer: "DKK", keys: businessKeys },
  { locale: "nb", not: /siden siden/i, prefer: "etter at siden ble vist" },
  { locale: "nb", not: /[„“”"]/, prefer: "«…»" },
  { locale: "nb", not: /\b\d{1,2}:\d{2}\b/, prefer: "10.00" },
  // English
  { locale: "en", not: /\d,\d(?!\d)/, prefer: "7.5" },
  { locale: "en", not: /\bcoming meetings?\b/i, prefer: "upcoming" },
  { locale: "en", not: /["«»„]/, prefer: "“…”" },
];

function flatten(obj: unknown, prefix = ""): [string, string][] {
  if (typeof obj === "string") return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

describe("the catalogues follow docs/glossary.md", () => {
  const all = allCatalogues();
  const glossary = readFileSync(path.join(process.cwd(), "docs", "glossary.md"), "utf8");

  for (const rule of RULES) {
    it(`${rule.locale}: says "${rule.prefer}", not ${rule.not}`, () => {
      const wrong = flatten(all[rule.locale])
        .filter(([k, v]) => (rule.keys ? rule.keys(k) : true) && rule.not.test(v))
        .map(([k, v]) => `${k}: ${v}`);
      expect(wrong).toEqual([]);
    });
  }

  it("names every preferred word in the glossary", () => {
    const missing = RULES.flatMap((r) => r.prefer.split(" / ")).filter((w) => !glossary.toLowerCase().includes(w.toLowerCase()));
    expect(missing).toEqual([]);
  });
});
