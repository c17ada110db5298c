import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyBundle } from "@/lib/agreements/bundle";
import { prepareAgreement } from "@/lib/agreements/prepare-agreement";
import { serverPublicKeys } from "@/lib/agreements/server-signing-key";
import { signAgreement } from "@/lib/agreements/sign-agreement";
import { CLIENT, createAgreementFixture, type AgreementFixture } from "@/lib/agreements/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET as getBundle } from "./[id]/bundle/route";
import { GET as getPdf } from "./[id]/pdf/route";
import { POST as postSeal } from "./[id]/seal/route";
import { POST as postSign } from "./[id]/sign/route";
import { GET as listVersions, POST as postPrepare } from "./route";

/**
 * The route handlers, called directly with real Requests: who (401) → what (400) → may they (403)
 * → the answer, and the mapping of lib's typed errors to HTTP statuses.
 */
let tdb: TestDatabase;
let fx: AgreementFixture;
let other: AgreementFixture;
beforeAll(async () => {
  tdb = await createTestDatabase();
  fx = await createAgreementFixture();
  other = await createAgreementFixture();
});
afterAll(async () => {
  await tdb.drop();
});

const ORIGIN = "http://localhost:3000";
function req(path: string, opts: { session?: string; method?: string; body?: unknown; origin?: string | null } = {}): Request {
  const headers: Record<string, string> = { host: "localhost:3000", "user-agent": "route-test", "x-forwarded-for": "198.51.100.4" };
  if (opts.session) headers.cookie = `stepwise.session=${opts.session}`;
  if (opts.method === "POST" && opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${ORIGIN}${path}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function sealedAgreement(): Promise<{ id: string; fingerprint: string }> {
  const fresh = await createAgreementFixture();
  const v = await prepareAgreement({ me: fresh.actors.caseworker, meetingId: fresh.meetingId, unionRepSigns: false, client: CLIENT });
  for (const role of ["caseworker", "employee", "manager"] as const) {
    await signAgreement({
      me: fresh.actors[role],
      agreementId: v.agreementId,
      confirmation: { mode: "own-device", typedName: fresh.names[role] },
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
  }
  sealedFx = fresh;
  return { id: v.agreementId, fingerprint: v.fingerprint };
}
let sealedFx: AgreementFixture;

describe("POST /api/agreements (prepare)", () => {
  it("401 without a session, 403 from another origin, 400 for bad input, 403 for the employee, 201 for the chair, 409 twice", async () => {
    const body = { meetingId: fx.meetingId, unionRepSigns: true };
    expect((await postPrepare(req("/api/agreements", { method: "POST", body }))).status).toBe(401);
    expect(
      (await postPrepare(req("/api/agreements", { method: "POST", body, session: fx.sessions.caseworker, origin: "https://evil.example" })))
        .status,
    ).toBe(403);
    expect(
      (await postPrepare(req("/api/agreements", { method: "POST", body: { meetingId: fx.meetingId }, session: fx.sessions.caseworker })))
        .status,
    ).toBe(400);
    expect((await postPrepare(req("/api/agreements", { method: "POST", body, session: fx.sessions.employee }))).status).toBe(403);
    expect((await postPrepare(req("/api/agreements", { method: "POST", body, session: other.sessions.caseworker }))).status).toBe(403);
    const ok = await postPrepare(req("/api/agreements", { method: "POST", body, session: fx.sessions.caseworker }));
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ version: 1 });
    expect((await postPrepare(req("/api/agreements", { method: "POST", body, session: fx.sessions.caseworker }))).status).toBe(409);
    const list = await listVersions(req("/api/agreements", { session: fx.sessions.employee }));
    expect((await list.json()).versions).toHaveLength(1);
  });
});

describe("POST /api/agreements/<id>/sign and /seal", () => {
  it("maps a wrong fingerprint and a missing signer to 409, and records IP and user agent", async () => {
    const v = (await (await listVersions(req("/api/agreements", { session: fx.sessions.employee }))).json()).versions[0] as {
      id: string;
      fingerprint: string;
    };
    const sign = (session: string | undefined, body: unknown) =>
      postSign(req(`/api/agreements/${v.id}/sign`, { method: "POST", body, session }), params(v.id));
    const good = { mode: "own-device", typedName: fx.names.employee, readAndAgreed: true, shownHash: v.fingerprint };
    expect((await sign(undefined, good)).status).toBe(401);
    expect((await sign(fx.sessions.employee, { ...good, mode: "telepathy" })).status).toBe(400);
    expect((await sign(other.sessions.employee, { ...good, typedName: other.names.employee })).status).toBe(403);
    const wrong = await sign(fx.sessions.employee, { ...good, shownHash: "0".repeat(64) });
    expect(wrong.status).toBe(409);
    expect(await wrong.json()).toMatchObject({ error: "CONFLICT", details: { shownHash: "mismatch" } });
    expect((await sign(fx.sessions.employee, good)).status).toBe(201);

    const seal = (session: string | undefined) =>
      postSeal(req(`/api/agreements/${v.id}/seal`, { method: "POST", body: {}, session }), params(v.id));
    expect((await seal(undefined)).status).toBe(401);
    expect((await seal(fx.sessions.employee)).status).toBe(403);
    const missing = await seal(fx.sessions.caseworker);
    expect(missing.status).toBe(409);
    expect((await missing.json()).message).toMatch(/not yet signed by caseworker, manager/);
  });
});

describe("GET /api/agreements/<id>/pdf and /bundle", () => {
  it("401 without a session, 403 for another case, 200 for a participant; the downloaded bundle verifies", async () => {
    const a = await sealedAgreement();
    const pdf = (session?: string) => getPdf(req(`/api/agreements/${a.id}/pdf`, { session }), params(a.id));
    const bundle = (session?: string) => getBundle(req(`/api/agreements/${a.id}/bundle`, { session }), params(a.id));
    expect((await pdf()).status).toBe(401);
    expect((await bundle()).status).toBe(401);
    expect((await pdf(other.sessions.employee)).status).toBe(403);
    expect((await bundle(other.sessions.manager)).status).toBe(403);
    expect((await pdf(sealedFx.sessions.employee)).status).toBe(200);

    const p = await pdf(sealedFx.sessions.manager);
    expect(p.headers.get("content-type")).toBe("application/pdf");
    expect(p.headers.get("cache-control")).toBe("no-store");
    const bytes = Buffer.from(await p.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const b = await bundle(sealedFx.sessions.union_rep);
    expect(b.status).toBe(200);
    expect(b.headers.get("content-disposition")).toMatch(/^attachment; filename="stepwise-agreement-v1-[0-9a-f]{8}\.json"$/);
    expect(b.headers.get("cache-control")).toBe("no-store");
    const json: unknown = JSON.parse(await b.text());
    expect(verifyBundle(json, { trustedKeys: serverPublicKeys().keys })).toMatchObject({
      valid: true,
      summary: { fingerprint: a.fingerprint, keyTrusted: true },
    });
  });

  it("has no bundle for an unsigned version (409), but prints its PDF marked as not binding", async () => {
    const list = (await (await listVersions(req("/api/agreements", { session: fx.sessions.employee }))).json()).versions as {
      id: string;
    }[];
    const id = list[0]!.id;
    expect((await getBundle(req(`/api/agreements/${id}/bundle`, { session: fx.sessions.employee }), params(id))).status).toBe(409);
    expect((await getPdf(req(`/api/agreements/${id}/pdf`, { session: fx.sessions.employee }), params(id))).status).toBe(200);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect((await getPdf(req(`/api/agreements/nope/pdf`, { session: fx.sessions.employee }), params("nope"))).status).toBe(404);
  });
});
