import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareAgreement } from "@/lib/agreements/prepare-agreement";
import { CLIENT, createAgreementFixture, type AgreementFixture } from "@/lib/agreements/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { accessLogOf } from "@/lib/testing/access";
import { GET } from "./[id]/export/route";

/** GET /api/v1/agreements/<id>/export: who (401) → which format (400) → may they (403/404) → the version's export. */
let tdb: TestDatabase;
let fx: AgreementFixture;
let other: AgreementFixture;
let agreementId: string;
let fingerprint: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  fx = await createAgreementFixture();
  other = await createAgreementFixture();
  const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
  agreementId = v.agreementId;
  fingerprint = v.fingerprint;
});
afterAll(async () => {
  await tdb.drop();
});

function req(path: string, session?: string, accept?: string): Request {
  const headers: Record<string, string> = { host: "localhost:3000", "user-agent": "route-test" };
  if (session) headers.cookie = `stepwise.session=${session}`;
  if (accept) headers.accept = accept;
  return new Request(`http://localhost:3000${path}`, { headers });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const url = (format: string, id = agreementId) => `/api/v1/agreements/${id}/export?format=${format}`;

describe("GET /api/v1/agreements/<id>/export", () => {
  it("401 without a session, 400 for an unknown format, 403 for another case's participant, 404 for no such agreement", async () => {
    expect((await GET(req(url("no-oppfolgingsplan")), params(agreementId))).status).toBe(401);
    expect((await GET(req(url("xml"), fx.sessions.manager), params(agreementId))).status).toBe(400);
    expect((await GET(req(url("no-oppfolgingsplan"), other.sessions.caseworker), params(agreementId))).status).toBe(403);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await GET(req(url("no-oppfolgingsplan", missing), fx.sessions.caseworker), params(missing))).status).toBe(404);
  });

  it("answers each format as JSON from the frozen version, and writes an access-log row", async () => {
    for (const format of ["dk-fastholdelsesplan", "no-oppfolgingsplan", "no-dialogmote-referat"]) {
      const res = await GET(req(url(format), fx.sessions.manager), params(agreementId));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as { format: string; agreement: { agreementId: string; fingerprint: string; binding: boolean } };
      expect(body.format).toBe(`stepwise-export/${format}/1`);
      expect(body.agreement).toMatchObject({ agreementId, fingerprint, binding: false });
    }
    const log = await accessLogOf(fx.caseId);
    expect(log.filter((r) => r.what === "agreement_export")).toHaveLength(3);
  });

  it("answers a PDF when asked for one", async () => {
    const res = await GET(req(url("dk-fastholdelsesplan"), fx.sessions.employee, "application/pdf"), params(agreementId));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  });
});
