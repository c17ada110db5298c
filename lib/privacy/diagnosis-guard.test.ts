import { describe, expect, it } from "vitest";
import da from "../i18n/diagnosis-terms/da.json";
import nb from "../i18n/diagnosis-terms/nb.json";
import en from "../i18n/diagnosis-terms/en.json";
import { findDiagnosisTerms, looksLikeDiagnosis, sentenceAround } from "./diagnosis-guard";

describe("the diagnosis guard", () => {
  it("fires on a listed term in Danish, Norwegian and English, in that language's own list", () => {
    expect(findDiagnosisTerms("Kurt har haft en depression siden foråret.", ["da"])).toMatchObject([
      { term: "depressi*", locale: "da", text: "depression" },
    ]);
    expect(findDiagnosisTerms("Hun tar sertralin hver morgen.", ["nb"])).toMatchObject([{ term: "sertralin", locale: "nb" }]);
    expect(findDiagnosisTerms("She was diagnosed with cancer last year.", ["en"]).map((m) => m.text)).toEqual(["diagnosed", "cancer"]);
  });

  it("matches inflected forms, compounds and any letter case", () => {
    expect(looksLikeDiagnosis("Han er DEPRIMERET", ["da"])).toBe(true);
    expect(looksLikeDiagnosis("Behandling for brystkræft", ["da"])).toBe(true);
    expect(looksLikeDiagnosis("Etter behandlingen for brystkreft", ["nb"])).toBe(true);
    expect(looksLikeDiagnosis("panic   attacks in the morning", ["en"])).toBe(true);
    expect(looksLikeDiagnosis("Hun er sykmeldt med depresjon", ["nb"])).toBe(true);
  });

  it("does not fire on ordinary meeting text, in any language", () => {
    const ordinary = [
      "Tilbage i eget job som lagermedarbejder på fuld tid inden for ca. 6 måneder",
      "Smerterne er nede fra 8 til 3 inden for 3 måneder",
      "Virksomhedspraktik som truckfører i egen virksomhed, 15 timer om ugen i 4 uger",
      "Kurt og Lars tager en kort snak hver fredag om, hvordan ugen er gået. Indlagte pauser hver time.",
      "Arbeidstiden trappes opp fra 10 til 15 timer i uka, med NAV og tillitsvalgt til stede.",
      "Back at work 15 hours a week; a daily walk with a colleague at lunch; weekly self-rating with the manager.",
      "The depot opens at seven. Aids: a better chair and a lifting table.",
    ];
    for (const text of ordinary) expect(findDiagnosisTerms(text), text).toEqual([]);
  });

  it("does not match a term inside an unrelated longer word", () => {
    expect(looksLikeDiagnosis("gravidity", ["en"])).toBe(false); // "gravid" is a whole-word term in Danish only
    expect(looksLikeDiagnosis("Vi bruger lageret i Kemobygningen", ["da"])).toBe(false);
    expect(looksLikeDiagnosis("cancellation of the internship", ["en"])).toBe(false);
  });

  it("every list is well-formed: unique, lower case, no empty terms", () => {
    for (const list of [da.terms, nb.terms, en.terms]) {
      expect(new Set(list).size).toBe(list.length);
      for (const t of list) {
        expect(t.trim()).toBe(t);
        expect(t.replace(/\*/g, "").length).toBeGreaterThan(1);
        expect(t).toBe(t.toLowerCase());
      }
    }
  });

  it("reads a long text to its end (it runs on every keystroke): nothing in 80 plain sentences, the one term after them", () => {
    const text = "Kurt og Lars tager en kort snak hver fredag om, hvordan ugen er gået. ".repeat(80);
    expect(findDiagnosisTerms(text, ["da"])).toEqual([]);
    expect(findDiagnosisTerms(`${text}Han har migræne.`, ["da"]).map((m) => m.text)).toEqual(["migræne"]);
  });

  it("finds the sentence around a match, to offer moving it", () => {
    const text = "Goal: back by May. Kurt takes sertraline daily! Walks help.";
    const [m] = findDiagnosisTerms(text);
    expect(sentenceAround(text, m!.index, m!.length).text).toBe("Kurt takes sertraline daily!");
    const lines = "first line\nNoter: kemoterapi hver anden uge\nlast";
    const [k] = findDiagnosisTerms(lines);
    expect(sentenceAround(lines, k!.index, k!.length).text).toBe("Noter: kemoterapi hver anden uge");
  });
});
