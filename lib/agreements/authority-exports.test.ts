import { describe, expect, it } from "vitest";
import { freezeAgreement } from "./agreement-document";
import { readAgreementContent } from "./agreement-content";
import { buildExport, type ExportHeader } from "./authority-exports";
import { translator } from "./labels";
import { norwegianAgreementDocument, norwegianPlanView } from "../testing/country-plan-docs";

const header: ExportHeader = {
  agreementId: "a-no",
  version: 1,
  fingerprint: "f".repeat(64),
  employeeName: "Sofie Hansen",
  employer: "Butikken AS",
  meetingTitle: "Dialogmøte 1",
  meetingStartsAt: "2027-01-04T09:00:00.000Z",
  parties: [
    { role: "caseworker", name: "Ingrid Berg" },
    { role: "employee", name: "Sofie Hansen" },
    { role: "manager", name: "Ola Nordmann" },
  ],
  binding: true,
};
const content = () => readAgreementContent(freezeAgreement(norwegianAgreementDocument()).canonical);
const nb = translator("nb");

describe("the authorities' formats, from the frozen version", () => {
  it("NO oppfølgingsplan: NAV's follow-up plan fields, tasks sorted by judgement, what was tried and why not", () => {
    const json = buildExport("no-oppfolgingsplan", header, content(), nb, "nb").json as {
      followUpPlan: Record<string, unknown>;
      missing: string[];
    };
    const p = json.followUpPlan;
    expect(Object.keys(p)).toEqual([
      "employeeIdentificationNumber",
      "typicalWorkday",
      "tasksThatCanStillBeDone",
      "tasksThatCanNotBeDone",
      "previousFacilitation",
      "plannedFacilitation",
      "otherFacilitationOptions",
      "followUp",
      "evaluationDate",
      "sendPlanToNav",
      "needsHelpFromNav",
      "needsHelpFromNavDescription",
      "sendPlanToGeneralPractitioner",
      "messageToGeneralPractitioner",
      "additionalInformation",
      "contactPersonFullName",
      "contactPersonPhoneNumber",
      "employeeHasContributedToPlan",
      "employeeHasNotContributedToPlanDescription",
      "lpsName",
    ]);
    expect(p.tasksThatCanStillBeDone).toBe(
      "Kundeservice i kassen\nVaremottak (kan gjøres med tilrettelegging: Med mer tid, Med hjelp; En kollega løfter)",
    );
    expect(p.tasksThatCanNotBeDone).toBe("Tunge løft over 15 kg");
    expect(p.previousFacilitation).toBe("Arbeid på lageret i stedet (prøvd): Løftene var de samme; smertene økte etter to dager");
    expect(p.plannedFacilitation).toBe("Hev-senk-kasse (2027-01-04 – 2027-03-01): Leder bestiller via NAV");
    expect(p).toMatchObject({
      evaluationDate: "2027-02-15",
      sendPlanToNav: true,
      employeeHasContributedToPlan: true,
      employeeHasNotContributedToPlanDescription: null,
    });
    expect(p.contactPersonFullName).toBe("Ola Nordmann");
    // Stepwise never holds the national identity number: the HR system fills it in.
    expect(json.missing).toEqual(["employeeIdentificationNumber", "contactPersonPhoneNumber"]);
  });

  it("NO oppfølgingsplan: an employee who did not take part needs the reason, named when it is missing", () => {
    const view = norwegianPlanView();
    view.plan.followUpPlan.facts = { ...view.plan.followUpPlan.facts, employeeContributed: false, notContributedReason: "" };
    const c = readAgreementContent(freezeAgreement(norwegianAgreementDocument(view)).canonical);
    const json = buildExport("no-oppfolgingsplan", header, c, nb, "nb").json as {
      followUpPlan: Record<string, unknown>;
      missing: string[];
    };
    expect(json.followUpPlan.employeeHasContributedToPlan).toBe(false);
    expect(json.missing).toContain("employeeHasNotContributedToPlanDescription");
  });

  it("NO dialogmøte referat: the situation, the conclusion and a task text per role from the agreed actions", () => {
    const c = content();
    c.actions = [
      {
        id: "1",
        text: "Bestille hev-senk-kasse",
        owner: { participantId: "p-ma", name: "Ola Nordmann", role: "manager" },
        due: "2027-01-10",
        status: "open",
      },
      {
        id: "2",
        text: "Føre timer hver fredag",
        owner: { participantId: "p-em", name: "Sofie Hansen", role: "employee" },
        due: null,
        status: "open",
      },
    ];
    const { json, printable } = buildExport("no-dialogmote-referat", header, c, nb, "nb");
    const r = (json as { referat: Record<string, unknown> }).referat;
    expect(r.arbeidsgiverOppgave).toMatch(/^Bestille hev-senk-kasse \(/);
    expect(r.arbeidstakerOppgave).toBe("Føre timer hver fredag");
    expect(r.veilederOppgave).toBe("");
    expect(r.behandlerOppgave).toBeNull();
    expect(r.situasjon).toContain("Tunge løft over 15 kg: Kan ikke gjøres");
    expect(r.konklusjon).toContain("Hev-senk-kasse");
    expect(printable.sections.map((s) => s.heading)).toEqual(["Situasjonen", "Konklusjon", "Hva hver enkelt gjør", "Deltakere"]);
  });

  it("DK fastholdelsesplan: the customary headings, the tools with their details and the hours ramp week by week", () => {
    const { json, printable } = buildExport("dk-fastholdelsesplan", header, content(), translator("da"), "da");
    expect(printable.sections.map((s) => s.heading)).toEqual([
      "Medarbejderens arbejdsfunktioner",
      "Det er arbejdsgiver og medarbejder enige om i forhold til tilbagevenden",
      "Tilpasninger og redskaber",
      "Tidsplan",
    ]);
    const timeline = printable.sections[3]!.rows;
    expect(timeline[0]).toEqual({
      label: "Timetrappen",
      value: "15 timer om ugen i 2 uger, derefter 22 timer om ugen i 1 uge, derefter 37,5 timer om ugen (almindelige timer)",
    });
    expect(timeline[1]!.label).toBe("Uge 1");
    const j = json as { accommodationsAndTools: { tools: { tool: string; status: string }[] }; timeline: { hoursRamp: unknown } };
    expect(j.accommodationsAndTools.tools).toContainEqual({ tool: "adaptationGrant", status: "considering", what: "Hev-senk-kasse" });
    expect(j.timeline.hoursRamp).toMatchObject({ startsOn: "2027-01-04" });
  });
});
