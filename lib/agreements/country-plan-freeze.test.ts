import { describe, expect, it } from "vitest";
import { freezeAgreement } from "./agreement-document";
import { readAgreementContent } from "./agreement-content";
import { norwegianAgreementDocument, norwegianPlanView } from "../testing/country-plan-docs";
import { canonicalBytes } from "./canonical-json";
import { EMPTY_RAMP } from "../plan/hours-ramp";
import { EMPTY_FOLLOW_UP_PLAN } from "../plan/follow-up-plan";

describe("an agreement freezes the country's plan (issue 17)", () => {
  it("freezes NAV's follow-up plan, the tools' details and the hours ramp, and reads them back", () => {
    const frozen = freezeAgreement(norwegianAgreementDocument());
    const content = readAgreementContent(frozen.canonical);
    expect(content.country).toBe("NO");
    expect(content.plan.followUpPlan!.workTasks.map((t) => t.judgement)).toEqual(["can", "adapt", "cannot"]);
    expect(content.plan.followUpPlan!.tried[0]!.whyNot).toMatch(/smertene/);
    expect(content.plan.toolDetails!.adaptationGrant).toEqual({ status: "considering", what: "Hev-senk-kasse" });
    expect(content.plan.subGoals[0]!.activities[0]!.catalogue).toMatchObject({ key: "rehabWorkTesting", provider: "Aktiv Rehab AS" });
    expect(content.plan.hoursRamp!.steps).toEqual([
      { hoursPerWeek: 15, weeks: 2 },
      { hoursPerWeek: 22, weeks: 1 },
    ]);
  });

  it("writes them out in every language: Norwegian reads as NAV's words", () => {
    const doc = norwegianAgreementDocument();
    const nb = doc.presentation.nb!.sections.map((s) => s.heading);
    expect(nb).toEqual(
      expect.arrayContaining(["Arbeidsoppgaver", "Tiltak", "Tiltak arbeidsgiveren har prøvd eller vurdert", "Opptrappingsplan for timer"]),
    );
    const tasks = doc.presentation.nb!.sections.find((s) => s.heading === "Arbeidsoppgaver")!;
    expect(tasks.groups[1]!.rows).toContainEqual({ label: "Hvordan tilrettelegges den", value: "Med mer tid, Med hjelp" });
    expect(tasks.groups[2]!.rows).toContainEqual({ label: "Vurdert av", value: "Behandleren" });
    const tools = doc.presentation.nb!.sections.find(
      (s) => s.heading === "Virkemidlene" || s.rows.some((r) => r.label === "Tilretteleggingstilskudd"),
    )!;
    expect(tools.rows.find((r) => r.label === "Tilretteleggingstilskudd")!.value).toBe("Vurderes · Hva: Hev-senk-kasse");
    expect(JSON.stringify(doc.presentation.en)).toContain("15 hours a week for 2 weeks");
    expect(JSON.stringify(doc.presentation.da)).toContain("22 timer om ugen i 1 uge");
    // A catalogue activity: what it is, its provider, hours, and where.
    expect(JSON.stringify(doc.presentation.nb)).toContain(
      "Arbeidsutprøving i trygge omgivelser · Tilbyder: Aktiv Rehab AS · Timer i uka: 6 · Ikke på arbeidsplassen",
    );
  });

  it("leaves them out of a plan that does not use them, so its bytes are as before", () => {
    const view = norwegianPlanView();
    const bare = { ...view, plan: { ...view.plan, toolDetails: {}, hoursRamp: EMPTY_RAMP, followUpPlan: EMPTY_FOLLOW_UP_PLAN } };
    const doc = norwegianAgreementDocument(bare);
    expect(Object.keys(doc.plan)).toEqual(["track", "goal", "goalTargetDate", "step", "subGoals", "mixer", "tools"]);
    const { country: _dropped, ...older } = doc.case;
    const content = readAgreementContent(canonicalBytes({ ...doc, case: older }));
    expect(content.country).toBe("DK");
    expect(content.plan.followUpPlan!.workTasks).toEqual([]);
  });
});
