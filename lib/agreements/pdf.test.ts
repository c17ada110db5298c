import { describe, expect, it } from "vitest";
import { agreementPdfData, groupHex, method } from "./agreement-pdf-data";
import { buildAgreementDocument } from "./build-agreement-document";
import { freezeAgreement } from "./agreement-document";
import { readFrozenDocument } from "./frozen-document";
import { translator } from "./labels";
import { renderAgreementPdf } from "./render-agreement-pdf";

function frozen(goal: string) {
  const doc = buildAgreementDocument({
    agreementId: "a-1",
    caseId: "c-1",
    version: 1,
    requiredSigners: ["caseworker", "employee", "manager"],
    supporters: [],
    amends: null,
    preparedAt: new Date("2026-03-04T10:00:00.000Z"),
    preparedBy: { participantId: "p-cw", role: "caseworker", name: "Mette Sørensen" },
    case: { employeeName: "Kurt Hansen", employer: "Nordlager A/S", track: "employed" },
    meeting: { id: "m-1", title: "Fællesmøde", startsAt: new Date("2026-03-04T09:00:00.000Z"), location: null },
    parties: [
      { participantId: "p-cw", role: "caseworker", name: "Mette Sørensen", signs: "required" },
      { participantId: "p-em", role: "employee", name: "Kurt Hansen", signs: "required" },
      { participantId: "p-ma", role: "manager", name: "Lars Nielsen", signs: "required" },
    ],
    view: {
      schemaVersion: 1,
      agenda: [],
      plan: { track: "employed", goal, goalTargetDate: "2026-09-01", step: 3, subGoals: [], mixer: { hours: 2 }, tools: { internship: true } },
      actions: [{ id: "x", text: "Adjust the desk", ownerId: "p-ma", due: null, status: "open" }],
      followUp: { howOften: "Every Friday", jobCentre: "", nextMeetingAt: "2026-04-01T10:00" },
    },
    people: new Map([["p-ma", { name: "Lars Nielsen", role: "manager" }]]),
  });
  const f = freezeAgreement(doc);
  return { document: readFrozenDocument(f.canonical), fingerprint: f.fingerprint };
}

describe("the agreement PDF", () => {
  it("says in plain words who signed how, the fingerprint, and how to verify", () => {
    const { document, fingerprint } = frozen("Back to 37 hours");
    const data = agreementPdfData({
      document,
      fingerprint,
      state: "binding",
      parties: document.parties.map((p) => ({ ...p, state: "signed", at: "2026-03-04T10:05:00.000Z", authMethod: p.role === "employee" ? "in-person-verified-by-caseworker:p-cw" : "own-device:join-link", reason: null })),
      sealed: { at: "2026-03-04T10:06:00.000Z", kid: "0123456789abcdef" },
      latestVersion: 1,
      baseUrl: "https://stepwise.example",
      agreementId: "a-1",
      locale: "en",
    });
    expect(data.status).toMatchObject({ tone: "binding" });
    expect(data.status.text).toContain("BINDING");
    expect(data.fingerprint.value).toBe(groupHex(fingerprint));
    expect(data.signatures.rows.find((r) => r.label === "Employee")!.value).toContain("Mette Sørensen (caseworker) checked their identity in person");
    expect(data.verify.steps.join(" ")).toContain("https://stepwise.example/api/agreements/a-1/bundle");
    expect(data.verify.steps.join(" ")).toContain("https://stepwise.example/verify");
    expect(data.sections.map((s) => s.heading)).toContain("Agreed actions");
  });

  it("renders any text, replacing what the standard fonts cannot show instead of failing", async () => {
    const { document, fingerprint } = frozen("Smerte 8 → 3 ≥ 50 % 🙂 ✓ ƒ ẞ 漢字 — æøå ÆØÅ");
    const data = agreementPdfData({ document, fingerprint, state: "awaiting_signatures", parties: [], sealed: null, latestVersion: 1, baseUrl: "http://x", agreementId: "a-1", locale: "da" });
    const bytes = await renderAgreementPdf(data);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it("describes unknown authentication methods without inventing anything", () => {
    const { document } = frozen("x");
    expect(method(translator("en"), "oidc", document)).toBe("Identity checked: oidc");
    expect(method(translator("da"), "own-device:email-link", document)).toContain("email-link");
  });
});
