import { EMPTY_RAMP } from "../plan/hours-ramp";
import { EMPTY_FOLLOW_UP_PLAN } from "../plan/follow-up-plan";
import { describe, expect, it } from "vitest";
import { agreementPdfData, groupHex, method, type PdfInput } from "./agreement-pdf-data";
import { buildAgreementDocument } from "./build-agreement-document";
import { freezeAgreement } from "./agreement-document";
import { readFrozenDocument } from "./frozen-document";
import { translator } from "./labels";
import { pdfPages, pdfStructure } from "./pdf-testing";
import { renderAgreementPdf } from "./render-agreement-pdf";

type Action = { id: string; text: string; ownerId: string | null; due: string | null; status: "open" | "in_progress" | "done" };

function frozen(goal: string, actions: Action[] = [{ id: "x", text: "Adjust the desk", ownerId: "p-ma", due: null, status: "open" }]) {
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
      plan: {
        track: "employed",
        goal,
        goalTargetDate: "2026-09-01",
        step: 3,
        subGoals: [],
        mixer: { hours: 2 },
        tools: { internship: true },
        toolDetails: {},
        hoursRamp: EMPTY_RAMP,
        followUpPlan: EMPTY_FOLLOW_UP_PLAN,
      },
      actions,
      followUp: { howOften: "Every Friday", jobCentre: "", nextMeetingAt: "2026-04-01T10:00" },
    },
    people: new Map([["p-ma", { name: "Lars Nielsen", role: "manager" }]]),
  });
  const f = freezeAgreement(doc);
  return { document: readFrozenDocument(f.canonical), fingerprint: f.fingerprint };
}

const KEY_FINGERPRINT = "0123456789abcdef" + "a".repeat(48);
const DEVICES = new Map([
  ["p-cw", { ip: "192.0.2.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" }],
  ["p-em", { ip: "198.51.100.23", userAgent: "Mozilla/5.0 (iPhone) Safari/604.1" }],
  ["p-ma", { ip: null, userAgent: null }],
]);

/** A sealed version, signed by all three, as the given role's copy. */
function input(over: Partial<PdfInput> & { goal?: string; actions?: Action[] } = {}): PdfInput {
  const { document, fingerprint } = frozen(over.goal ?? "Back to 37 hours", over.actions);
  return {
    document,
    fingerprint,
    state: "binding",
    parties: document.parties.map((p) => ({
      ...p,
      state: "signed",
      at: "2026-03-04T10:05:00.000Z",
      authMethod: p.role === "employee" ? "in-person-verified-by-caseworker:p-cw" : "own-device:join-link",
      reason: null,
    })),
    sealed: { at: "2026-03-04T10:06:00.000Z", kid: "0123456789abcdef", keyFingerprint: KEY_FINGERPRINT },
    latestVersion: 1,
    baseUrl: "https://stepwise.example",
    agreementId: "a-1",
    locale: "en",
    issuer: { organisationName: "Jobcenter Vejle", caseReference: "C1A2B3C4" },
    issuedAt: "2026-03-04T10:06:00.000Z",
    viewer: "manager",
    devices: DEVICES,
    ...over,
  };
}

/** The whole text as a reader extracts it, line breaks as spaces (so wrapped sentences still match). */
async function textOf(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join("\n").replace(/\s+/g, " ");
}

describe("the agreement PDF", () => {
  it("says in plain words who signed how, the fingerprint, and how to verify", () => {
    const data = agreementPdfData(input());
    expect(data.status).toMatchObject({ tone: "binding" });
    expect(data.status.text).toContain("BINDING");
    expect(data.fingerprint.value).toBe(groupHex(input().fingerprint));
    expect(data.signatures.rows.find((r) => r.label === "Employee")!.value).toContain(
      "Mette Sørensen (caseworker) checked their identity in person",
    );
    expect(data.verify.steps.join(" ")).toContain("https://stepwise.example/api/agreements/a-1/bundle");
    expect(data.verify.steps.join(" ")).toContain("https://stepwise.example/verify");
    expect(data.sections.map((s) => s.heading)).toContain("Agreed actions");
  });

  it("names the sealing key's fingerprint and how to check it: /verify, npm run verify --keys, the published keys", () => {
    const steps = agreementPdfData(input()).verify.steps.join("\n");
    expect(steps).toContain(groupHex(KEY_FINGERPRINT));
    expect(steps).toContain("key 0123456789abcdef");
    expect(steps).toContain("npm run verify -- file.json --keys stepwise-keys.json");
    expect(steps).toContain("https://stepwise.example/verify");
    expect(steps).toContain("https://stepwise.example/.well-known/stepwise-keys.json");
    expect(steps).toContain("not sealed by Jobcenter Vejle");
    // A key this server no longer knows: the id is still named, no fingerprint is invented.
    const unknownKey = agreementPdfData(
      input({ sealed: { at: "2026-03-04T10:06:00.000Z", kid: "0123456789abcdef", keyFingerprint: null } }),
    ).verify.steps.join("\n");
    expect(unknownKey).toContain("key 0123456789abcdef");
    expect(unknownKey).not.toContain("SHA-256 of the public key");
  });

  it("prints →, æøå ÆØÅ, ü and Norwegian text so that a reader extracts them as written", async () => {
    const goal = "Smerte 8 → 3, æøå ÆØÅ, Müller; ≥ 50 % ✓";
    const nb = "Arbeidstakeren prøver gradert sykmelding på 50 % før dialogmøte 2 – «kan gjøres med tilrettelegging»";
    const bytes = await renderAgreementPdf(
      agreementPdfData(input({ goal, locale: "nb", actions: [{ id: "a", text: nb, ownerId: "p-ma", due: null, status: "open" }] })),
    );
    const text = await textOf(bytes);
    expect(text).toContain("Smerte 8 → 3, æøå ÆØÅ, Müller; ≥ 50 % ✓");
    expect(text).toContain("Arbeidstakeren prøver gradert sykmelding på 50 % før dialogmøte 2");
    expect(text).toContain("«kan gjøres med tilrettelegging»");
    expect(text).toContain("Avtalen er bindende"); // the Norwegian catalogue, not a fallback
  });

  it("shows a character the font lacks as �, never drops it and never draws .notdef (forbidden in PDF/A)", async () => {
    const bytes = await renderAgreementPdf(agreementPdfData(input({ goal: "Smil 🙂 漢字 og videre" })));
    expect(await textOf(bytes)).toContain("Smil � �� og videre");
    const s = await pdfStructure(bytes);
    expect(s.glyphIds.length).toBeGreaterThan(100);
    expect(s.glyphIds).not.toContain("0000");
  });

  it("names the issuing organisation and the case reference at the top, on every page and as the author", async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: `a${i}`,
      text: `Action number ${i + 1}`,
      ownerId: "p-ma",
      due: "2026-05-01",
      status: "open" as const,
    }));
    const bytes = await renderAgreementPdf(agreementPdfData(input({ actions: many })));
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]).toContain("Issued by Jobcenter Vejle · Case C1A2B3C4");
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(`Jobcenter Vejle · case C1A2B3C4 · agreement version 1`);
      expect(page).toContain(`${i + 1}/${pages.length}`);
    }
    expect((await pdfStructure(bytes)).info.author).toBe("Jobcenter Vejle");
  });

  it("keeps each action with its rows: no Status row starts a page alone (the orphaned Status row)", async () => {
    // Long enough that page breaks fall inside actions wherever the layout puts them.
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: `a${i}`,
      text: `Action ${i + 1}: ${"call the workplace and agree the tasks ".repeat((i % 3) + 1)}`,
      ownerId: i % 2 ? "p-ma" : null,
      due: "2026-05-01",
      status: "open" as const,
    }));
    const pages = await pdfPages(await renderAgreementPdf(agreementPdfData(input({ actions: many }))));
    let titlePage = -1;
    let checked = 0;
    pages.forEach((page, p) => {
      for (const line of page.split("\n")) {
        if (/^Action \d+:/.test(line)) titlePage = p;
        if (line.startsWith("Status")) {
          expect({ status: p, title: titlePage }).toEqual({ status: p, title: p });
          checked++;
        }
      }
    });
    expect(checked).toBe(40);
  });

  it("is PDF/A-2b: fonts embedded with Unicode maps, XMP pdfaid part 2 B matching the info, sRGB output intent, a file id", async () => {
    const bytes = await renderAgreementPdf(agreementPdfData(input({ locale: "da" })));
    const s = await pdfStructure(bytes);
    expect(s.header.toString("latin1")).toMatch(/^%PDF-1\.7\n%[\x80-\xff]{4}/);
    expect(s.fonts.length).toBe(3);
    for (const f of s.fonts) expect(f).toMatchObject({ subtype: "/Type0", embedded: true, hasToUnicode: true });
    for (const f of s.fonts) expect(f.name).toMatch(/^\/[A-Z]{6}\+DejaVuSans/);
    expect(s.xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(s.xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(s.xmp).toContain("<rdf:li>Jobcenter Vejle</rdf:li>");
    expect(s.xmp).toContain("<xmp:CreateDate>2026-03-04T10:06:00Z</xmp:CreateDate>");
    expect(s.xmp).toContain("Aftale om tilbagevenden til arbejde – version 1");
    expect(s.info).toMatchObject({
      title: "Aftale om tilbagevenden til arbejde – version 1",
      author: "Jobcenter Vejle",
      language: "(da-DK)",
    });
    expect(s.info.created?.toISOString()).toBe("2026-03-04T10:06:00.000Z");
    expect(s.outputIntent).toEqual({ s: "/GTS_PDFA1", condition: "(sRGB IEC61966-2.1)", components: "3" });
    expect(s.hasFileId).toBe(true);
    expect(s.encrypted).toBe(false);
  });

  it("is byte-for-byte the same for the same input, and differs between copies", async () => {
    const a = await renderAgreementPdf(agreementPdfData(input()));
    const b = await renderAgreementPdf(agreementPdfData(input()));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const caseworkers = await renderAgreementPdf(agreementPdfData(input({ viewer: "caseworker" })));
    expect(Buffer.from(a).equals(Buffer.from(caseworkers))).toBe(false);
  });

  it("attack 13.3: the manager's, employee's and union rep's copies carry no IP address and no browser of anyone", async () => {
    for (const viewer of ["manager", "employee", "union_rep", "observer"]) {
      // Even when the devices are handed in by mistake, only the caseworker's copy prints them.
      const text = await textOf(await renderAgreementPdf(agreementPdfData(input({ viewer }))));
      for (const leak of ["192.0.2.7", "198.51.100.23", "Mozilla", "Firefox", "iPhone", "IP address:"])
        expect(text, `${viewer}: ${leak}`).not.toContain(leak);
      expect(text).toContain("it is not in this copy");
    }
  });

  it("prints where each person signed from in the caseworker's (job centre's) copy", async () => {
    const text = await textOf(await renderAgreementPdf(agreementPdfData(input({ viewer: "caseworker" }))));
    expect(text).toContain("IP address: 192.0.2.7");
    expect(text).toContain("Device (browser): Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
    expect(text).toContain("IP address: 198.51.100.23");
    expect(text).toContain("IP address: not recorded");
    expect(text).toContain("The job centre's copy");
  });

  it("issue 13.2: the version's 'who signs' says who signed and when, not '– must sign'", async () => {
    const text = await textOf(await renderAgreementPdf(agreementPdfData(input())));
    expect(text).toContain("Kurt Hansen – signed 4 March 2026");
    expect(text).not.toMatch(/Kurt Hansen\s*[–-]\s*must sign/);
  });

  it("attack 12 (also): a signature taken at the shared screen for someone never connected to the meeting says so", () => {
    const { document } = frozen("x");
    expect(method(translator("en"), "in-person-signer-not-connected-verified-by-caseworker:p-cw", document)).toBe(
      "At the shared screen: typed their name, and Mette Sørensen (caseworker) checked their identity in person. They were not connected to the meeting\u2019s room.",
    );
    expect(method(translator("en"), "in-person-verified-by-caseworker:p-cw", document)).not.toContain("not connected");
  });

  it("describes unknown authentication methods without inventing anything", () => {
    const { document } = frozen("x");
    expect(method(translator("en"), "oidc", document)).toBe("Identity checked: oidc");
    expect(method(translator("da"), "own-device:email-link", document)).toContain("email-link");
  });
});
