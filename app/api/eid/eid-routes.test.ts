import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgreementFixture, type AgreementFixture } from "@/lib/agreements/test-fixtures";
import { resetEnvCache } from "@/lib/env";
import { startTestIdp, type TestIdp } from "@/lib/testing/oidc-test-provider";
import { firstForm, TestBrowser } from "@/lib/testing/test-browser";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET as start } from "./start/route";
import { GET as callback } from "./callback/route";

/**
 * The eID routes at the edge, against a real OpenID provider: the participant's browser goes from
 * GET /api/eid/start to the broker's login and back to GET /api/eid/callback, with its session cookie.
 */
const APP = "http://localhost:3000";
let tdb: TestDatabase;
let idp: TestIdp;
let fx: AgreementFixture;

function env(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  env({ PUBLIC_URL: APP });
  fx = await createAgreementFixture();
  idp = await startTestIdp({
    clients: [{ clientId: "stepwise-eid", clientSecret: "eid-secret", redirectUris: [`${APP}/api/eid/callback`] }],
    accounts: [{ sub: "kurt", name: fx.names.employee }],
  });
  env({ EID_ISSUER: idp.issuer, EID_CLIENT_ID: "stepwise-eid", EID_CLIENT_SECRET: "eid-secret", EID_ACR_VALUES: "substantial high" });
});
afterAll(async () => {
  env({ EID_ISSUER: undefined, EID_CLIENT_ID: undefined, EID_CLIENT_SECRET: undefined, EID_ACR_VALUES: undefined, PUBLIC_URL: undefined });
  await idp?.close();
  await tdb?.drop();
});

const get = (path: string, session?: string) =>
  new Request(`${APP}${path}`, { headers: { host: "localhost:3000", ...(session ? { cookie: `stepwise.session=${session}` } : {}) } });

describe("GET /api/eid/start and /api/eid/callback", () => {
  it("send a participant to the broker and back to the agreement, confirmed", async () => {
    const session = fx.sessions.employee;
    const started = await start(get("/api/eid/start?return=/agreements/abc", session));
    expect(started.status).toBe(303);
    const broker = started.headers.get("location")!;
    expect(broker.startsWith(`${idp.issuer}/auth?`)).toBe(true);

    const b = new TestBrowser();
    const page = await b.go(broker);
    const form = firstForm(await page.res.text(), page.url);
    const back = await b.go(form.action, { form: { ...form.fields, login: "kurt", acr: "substantial" } }, (u) => u.origin !== APP);
    const cb = new URL(back.res.headers.get("location")!);
    expect(cb.pathname).toBe("/api/eid/callback");

    const done = await callback(get(`${cb.pathname}${cb.search}`, session));
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/agreements/abc?eid=ok");
  });

  it("answer 401 to a start without a participant session, and send a refused callback to /eid with the reason", async () => {
    expect((await start(get("/api/eid/start"))).status).toBe(401);
    // The person is in a browser, back from the broker: a page with calm words, not JSON.
    const noSession = await callback(get("/api/eid/callback?code=x&state=y"));
    expect([noSession.status, noSession.headers.get("location")]).toEqual([303, "/eid?result=failed"]);
    const forged = await callback(get("/api/eid/callback?code=x&state=forged", fx.sessions.manager));
    expect(forged.status).toBe(303);
    expect(forged.headers.get("location")).toBe("/eid?result=expired");
  });

  it("answer 404 where no eID broker is configured", async () => {
    env({ EID_ISSUER: undefined });
    expect((await start(get("/api/eid/start", fx.sessions.employee))).status).toBe(404);
    env({ EID_ISSUER: idp.issuer });
  });
});
