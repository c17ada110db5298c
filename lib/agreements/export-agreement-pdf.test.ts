import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env";
import type { Role } from "../plan/roles";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { groupHex } from "./agreement-pdf-data";
import { listAgreementVersions } from "./list-agreement-versions";
import { decodeBase64url } from "./base64";
import { exportAgreementPdf } from "./export-agreement-pdf";
import { sha256Hex } from "./fingerprint";
import { pdfPages, pdfStructure } from "./pdf-testing";
import { prepareAgreement } from "./prepare-agreement";
import { serverPublicKeys } from "./server-signing-key";
import { signAgreement } from "./sign-agreement";
import { CLIENT, createAgreementFixture, type AgreementFixture } from "./test-fixtures";

/**
 * The PDF as a participant downloads it: a real signed and sealed agreement, one copy per role.
 * Every signature was recorded with CLIENT's IP address and user agent.
 */
let tdb: TestDatabase;
let fx: AgreementFixture;
let agreementId: string;
const BASE = "https://stepwise.example";

beforeAll(async () => {
  process.env.ORGANISATION_NAME = "Jobcenter Vejle";
  resetEnvCache();
  tdb = await createTestDatabase();
  fx = await createAgreementFixture();
  const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: true, client: CLIENT });
  agreementId = v.agreementId;
  for (const role of ["union_rep", "caseworker", "employee", "manager"] as const) {
    await signAgreement({
      me: fx.actors[role],
      agreementId,
      confirmation: { mode: "own-device", typedName: fx.names[role] },
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
  }
});
afterAll(async () => {
  await tdb.drop();
  delete process.env.ORGANISATION_NAME;
  resetEnvCache();
});

async function copyFor(role: Role, locale = "en") {
  const pdf = await exportAgreementPdf({ me: fx.actors[role], agreementId, locale, baseUrl: BASE });
  return { ...pdf, text: (await pdfPages(pdf.bytes)).join("\n").replace(/\s+/g, " ") };
}

describe("exportAgreementPdf", () => {
  it("attack 13.3: the manager's, employee's and union rep's copies carry no signer's IP address or browser", async () => {
    for (const role of ["manager", "employee", "union_rep"] as const) {
      const { text } = await copyFor(role);
      expect(text, role).toContain("BINDING");
      expect(text, role).not.toContain(CLIENT.ip);
      expect(text, role).not.toContain(`(browser): ${CLIENT.userAgent}`);
    }
  });

  it("gives the caseworker (the job centre) the full evidence: each signer's IP address and browser", async () => {
    const { text } = await copyFor("caseworker");
    expect(text.split(`IP address: ${CLIENT.ip}`).length - 1).toBe(4);
    expect(text.split(`Device (browser): ${CLIENT.userAgent}`).length - 1).toBe(4);
  });

  it("prints ORGANISATION_NAME and the case reference, and names this server's sealing key by its fingerprint", async () => {
    const { text, bytes } = await copyFor("employee", "da");
    const reference = fx.caseId.replace(/-/g, "").slice(0, 8).toUpperCase();
    expect(text).toContain(`Udstedt af Jobcenter Vejle · Sag ${reference}`);
    expect((await pdfStructure(bytes)).info.author).toBe("Jobcenter Vejle");
    const key = serverPublicKeys().keys.find((k) => k.current)!;
    expect(text).toContain(groupHex(sha256Hex(decodeBase64url(key.publicKey)!)));
    expect(text).toContain(`nøgle ${key.kid}`);
  });

  it("is the same file each time it is downloaded, dated by the agreement, not by the download", async () => {
    const a = await copyFor("manager");
    const b = await copyFor("manager");
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const sealedAt = (await listAgreementVersions({ me: fx.actors.manager })).find((v) => v.id === agreementId)!.sealedAt!;
    // PDF dates have whole seconds.
    expect((await pdfStructure(a.bytes)).info.created!.toISOString().slice(0, 19)).toBe(new Date(sealedAt).toISOString().slice(0, 19));
  });
});
