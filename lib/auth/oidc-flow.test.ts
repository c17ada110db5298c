import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findUserByEmail, upsertStaffUser } from "@/db/queries/users";
import { insertOrganisation } from "@/db/queries/organisations";
import { configureOrganisationOidc } from "./configure-organisation-oidc";
import { bootstrapOrganisation } from "../organisations/bootstrap-organisation";
import { orgProviderId } from "./staff-oidc-settings";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { startTestIdp, type TestIdp } from "../testing/oidc-test-provider";
import { firstForm, TestBrowser } from "../testing/test-browser";
import { resetEnvCache } from "../env";
import { captureLogs } from "../log/logger";
import { startAuthServer } from "./testing";
import { startOidcSignIn } from "./start-oidc-sign-in";

/**
 * Staff sign-in by OpenID Connect, end to end: a real OpenID provider (oidc-provider) on a random
 * port, our Auth.js endpoints on another, and a cookie-jar browser that follows every redirect —
 * our sign-in start, the provider's authorization endpoint, its login form, the callback with the
 * code, the code exchange (server to server), the ID token checks, the session.
 */

let tdb: TestDatabase;
let app: { url: string; close(): Promise<void> };
let idp: TestIdp;
let homeOrg: string;
let otherOrg: string;

const GROUPS = "jc-sagsbehandlere=caseworker,jc-teamledere=team_lead";
const ACCOUNTS = [
  { sub: "u-mette", email: "mette@jc.example", email_verified: true, name: "Mette Sørensen", groups: ["jc-sagsbehandlere", "alle"] },
  { sub: "u-lead", email: "lead@jc.example", email_verified: true, name: "Lone Leder", groups: ["jc-sagsbehandlere", "jc-teamledere"] },
  { sub: "u-nav", email: "veileder@nav.example", email_verified: true, name: "Nora Veileder", groups: ["nav-veiledere"] },
  { sub: "u-outsider", email: "kantine@jc.example", email_verified: true, name: "Kantinen", groups: ["alle"] },
  { sub: "u-nogroups", email: "nogroups@jc.example", email_verified: true, name: "No Groups" },
  { sub: "u-gone", email: "gone@jc.example", email_verified: true, name: "Gone", groups: ["jc-sagsbehandlere"] },
  { sub: "u-unverified", email: "unverified@jc.example", email_verified: false, name: "Unverified", groups: ["jc-sagsbehandlere"] },
  { sub: "u-tamper", email: "tamper@jc.example", email_verified: true, name: "Tamper", groups: ["jc-sagsbehandlere"] },
];

function configure(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await startAuthServer();
  homeOrg = (await bootstrapOrganisation()).id;
  // A second organisation (a NAV office) with its own IdP client, in its settings; the secret in the environment.
  otherOrg = (await insertOrganisation(tdb.handle.db, { name: "NAV Test", country: "NO" })).id;
  process.env.OIDC_SECRET_NAV_TEST = "s3cret-of-nav";
  idp = await startTestIdp({
    clients: [
      { clientId: "stepwise", clientSecret: "s3cret-of-stepwise", redirectUris: [`${app.url}/api/auth/callback/oidc`] },
      {
        clientId: "stepwise-nav",
        clientSecret: "s3cret-of-nav",
        redirectUris: [`${app.url}/api/auth/callback/${orgProviderId(otherOrg)}`],
      },
    ],
    accounts: ACCOUNTS,
  });
  const configured = await configureOrganisationOidc({
    organisationId: otherOrg,
    publicUrl: app.url,
    settings: {
      name: "NAV Entra ID",
      issuer: idp.issuer,
      clientId: "stepwise-nav",
      clientSecretEnv: "OIDC_SECRET_NAV_TEST",
      groupRoles: { "nav-veiledere": "caseworker" },
    },
  });
  expect(configured).toEqual({
    providerId: orgProviderId(otherOrg),
    redirectUri: `${app.url}/api/auth/callback/${orgProviderId(otherOrg)}`,
    staffOidc: expect.objectContaining({ clientSecretEnv: "OIDC_SECRET_NAV_TEST", groupRoles: { "nav-veiledere": "caseworker" } }),
  });
});
afterAll(async () => {
  configure({ OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined, OIDC_CLIENT_SECRET: undefined, OIDC_GROUP_ROLES: undefined });
  await idp?.close();
  await app?.close();
  await tdb?.drop();
});
afterEach(() => {
  idp.tamperIdToken(null);
  configure({ OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: "stepwise", OIDC_CLIENT_SECRET: "s3cret-of-stepwise", OIDC_GROUP_ROLES: GROUPS });
});
beforeEach(() => {
  configure({ OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: "stepwise", OIDC_CLIENT_SECRET: "s3cret-of-stepwise", OIDC_GROUP_ROLES: GROUPS });
});

type Outcome = {
  browser: TestBrowser;
  landed: URL;
  authorize: URL;
  callback: URL | null;
  session: { user?: { email?: string }; staffRole?: string; authMethod?: string } | null;
};

/** The whole flow as a person makes it: the button, the provider's login form, back to Stepwise. */
async function signInAs(login: string, providerId = "oidc", via: "link" | "auth.js" = "link"): Promise<Outcome> {
  const browser = new TestBrowser();
  // Stay on the provider and on our /api/auth; stop where the app's own pages begin.
  const withinFlow = (u: URL) => u.origin !== app.url || u.pathname.startsWith("/api/auth/");
  // The sign-in page's button is a link to /api/auth/oidc-start; Auth.js's own form post (with its CSRF token) works too.
  const start =
    via === "link"
      ? await browser.go(`${app.url}/api/auth/oidc-start?provider=${providerId}&callbackUrl=/cases`, {}, withinFlow)
      : await browser.go(
          `${app.url}/api/auth/signin/${providerId}`,
          { form: { csrfToken: await csrfOf(browser), callbackUrl: `${app.url}/cases` } },
          withinFlow,
        );
  expect(start.res.status).toBe(200);
  expect(new URL(start.url).origin).toBe(idp.issuer);
  const form = firstForm(await start.res.text(), start.url);
  const done = await browser.go(form.action, { form: { ...form.fields, login } }, withinFlow);
  const landed = new URL(done.res.headers.get("location") ?? done.url, done.url);
  const authorize = new URL(browser.hops.find((h) => h.url.startsWith(`${idp.issuer}/auth?`))!.url);
  const cb = browser.hops.find((h) => h.url.startsWith(`${app.url}/api/auth/callback/${providerId}?`));
  const session = (await (await browser.request(`${app.url}/api/auth/session`)).json()) as Outcome["session"];
  return { browser, landed, authorize, callback: cb ? new URL(cb.url) : null, session };
}

async function csrfOf(browser: TestBrowser): Promise<string> {
  return ((await (await browser.request(`${app.url}/api/auth/csrf`)).json()) as { csrfToken: string }).csrfToken;
}

const signedIn = (o: Outcome) => o.landed.origin === app.url && o.landed.pathname === "/cases" && Boolean(o.session?.user);

describe("staff sign-in by OpenID Connect against a real provider", () => {
  it("runs the authorization code flow with PKCE, state and nonce, and lands signed in with the group's role", async () => {
    const o = await signInAs("u-mette");
    expect(o.authorize.searchParams.get("response_type")).toBe("code");
    expect(o.authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(o.authorize.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(o.authorize.searchParams.get("state")).toBeTruthy();
    expect(o.authorize.searchParams.get("nonce")).toBeTruthy();
    expect(o.authorize.searchParams.get("client_id")).toBe("stepwise");
    expect(o.callback?.searchParams.get("code")).toBeTruthy();

    expect(signedIn(o)).toBe(true);
    expect(o.session).toMatchObject({ user: { email: "mette@jc.example" }, staffRole: "caseworker", authMethod: "oidc" });
    // The ID token was the provider's, for us, with the nonce we sent.
    expect(idp.lastIdTokenClaims()).toMatchObject({ iss: idp.issuer, aud: "stepwise", nonce: o.authorize.searchParams.get("nonce") });
    // The first sign-in made the account, with the name the IdP gave.
    expect(await findUserByEmail(tdb.handle.db, "mette@jc.example")).toMatchObject({
      name: "Mette Sørensen",
      staffRole: "caseworker",
      organisationId: homeOrg,
    });

    // A second sign-in finds the same account (linked by the IdP's subject), here through Auth.js's own form.
    const again = await signInAs("u-mette", "oidc", "auth.js");
    expect(signedIn(again)).toBe(true);
    expect(again.session?.user).toEqual(o.session?.user);
  });

  it("starts only a configured provider", async () => {
    const unknown = ["oidc-00000000-0000-4000-8000-000000000000", "email", ["oidc"], null];
    for (const providerId of unknown) {
      await expect(startOidcSignIn({ providerId, callbackUrl: "/cases" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("refuses the callback replayed: the code is spent and the state cookie gone", async () => {
    const o = await signInAs("u-mette");
    expect(signedIn(o)).toBe(true);
    const replay = await new TestBrowser().go(o.callback!.href, {}, (u) => u.origin !== app.url || u.pathname.startsWith("/api/auth/"));
    const where = new URL(replay.res.headers.get("location") ?? replay.url, replay.url);
    expect(where.pathname).toBe("/signin");
    expect(where.searchParams.get("error")).toBeTruthy();
  });

  it("refuses a person none of whose groups is mapped, or who has no groups, and creates no account", async () => {
    const lines: Record<string, unknown>[] = [];
    const release = captureLogs(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          for (const l of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
          done();
        },
      }),
    );
    for (const login of ["u-outsider", "u-nogroups"]) {
      const o = await signInAs(login);
      expect(signedIn(o)).toBe(false);
      expect(o.landed.pathname).toBe("/signin");
      expect(o.landed.searchParams.get("error")).toBe("AccessDenied");
      expect(o.session).toBeNull();
    }
    expect(await findUserByEmail(tdb.handle.db, "kantine@jc.example")).toBeNull();
    release();
    const refusals = lines.filter((l) => l.msg === "oidc sign-in refused");
    expect(refusals.map((l) => l.reason)).toEqual(["unmapped-group", "unmapped-group"]);
    // No personal data in the log line: neither the address nor the groups.
    expect(JSON.stringify(refusals)).not.toMatch(/kantine|alle/);
  });

  it("refuses a deactivated staff member even though the IdP still lists them in the group", async () => {
    await upsertStaffUser(tdb.handle.db, { email: "gone@jc.example", name: "Gone", staffRole: "caseworker", organisationId: homeOrg });
    expect(signedIn(await signInAs("u-gone"))).toBe(true);
    await tdb.asOwner("update users set deactivated_at = now() where email = 'gone@jc.example'");
    const o = await signInAs("u-gone");
    expect(signedIn(o)).toBe(false);
    expect(o.landed.searchParams.get("error")).toBe("AccessDenied");
    // …and the IdP's groups did not reactivate them.
    expect((await findUserByEmail(tdb.handle.db, "gone@jc.example"))?.deactivatedAt).not.toBeNull();
  });

  it("refuses an address the IdP says is unverified", async () => {
    const o = await signInAs("u-unverified");
    expect(signedIn(o)).toBe(false);
    expect(await findUserByEmail(tdb.handle.db, "unverified@jc.example")).toBeNull();
  });

  it("without a group map, admits only staff provisioned beforehand", async () => {
    configure({ OIDC_GROUP_ROLES: undefined });
    expect(signedIn(await signInAs("u-outsider"))).toBe(false);
    await upsertStaffUser(tdb.handle.db, {
      email: "kantine@jc.example",
      name: "Kantinen",
      staffRole: "caseworker",
      organisationId: homeOrg,
    });
    expect(signedIn(await signInAs("u-outsider"))).toBe(true);
  });

  it("gives the widest role of the mapped groups, and follows the IdP when the groups change", async () => {
    const o = await signInAs("u-lead");
    expect(o.session).toMatchObject({ staffRole: "team_lead" });
    configure({ OIDC_GROUP_ROLES: "jc-sagsbehandlere=caseworker" });
    expect((await signInAs("u-lead")).session).toMatchObject({ staffRole: "caseworker" });
    expect((await findUserByEmail(tdb.handle.db, "lead@jc.example"))?.staffRole).toBe("caseworker");
  });

  it("signs an organisation's staff in at its own IdP, into that organisation, and nobody of another", async () => {
    const nav = await signInAs("u-nav", orgProviderId(otherOrg));
    expect(signedIn(nav)).toBe(true);
    expect(nav.authorize.searchParams.get("client_id")).toBe("stepwise-nav");
    expect(await findUserByEmail(tdb.handle.db, "veileder@nav.example")).toMatchObject({
      organisationId: otherOrg,
      staffRole: "caseworker",
    });
    // The job centre's caseworker, though the same IdP knows her, is no staff of the NAV office…
    await signInAs("u-mette");
    const mette = await signInAs("u-mette", orgProviderId(otherOrg));
    expect(signedIn(mette)).toBe(false);
    // …and the NAV office's IdP groups mean nothing at the job centre's provider.
    expect(signedIn(await signInAs("u-nav"))).toBe(false);
    expect((await findUserByEmail(tdb.handle.db, "mette@jc.example"))?.organisationId).toBe(homeOrg);
  });

  it("refuses malformed organisation settings, and an unknown organisation; null turns an IdP off", async () => {
    const bad = { issuer: "http://idp.example", clientId: "", clientSecret: "inline", groupRoles: { g: "root" } };
    await expect(configureOrganisationOidc({ organisationId: otherOrg, publicUrl: app.url, settings: bad })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const fine = { issuer: idp.issuer, clientId: "c", clientSecretEnv: "OIDC_SECRET_NAV_TEST" };
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      await expect(configureOrganisationOidc({ organisationId: id, publicUrl: app.url, settings: fine })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    const extra = await insertOrganisation(tdb.handle.db, { name: "Jobcenter Extra", country: "DK" });
    await configureOrganisationOidc({ organisationId: extra.id, publicUrl: app.url, settings: fine });
    expect((await (await new TestBrowser().request(`${app.url}/api/auth/providers`)).json()) as object).toHaveProperty(
      orgProviderId(extra.id),
    );
    expect(await configureOrganisationOidc({ organisationId: extra.id, publicUrl: app.url, settings: null })).toEqual({ off: true });
    expect((await (await new TestBrowser().request(`${app.url}/api/auth/providers`)).json()) as object).not.toHaveProperty(
      orgProviderId(extra.id),
    );
  });

  it("accepts an ID token re-signed unchanged (the tampering below changes only the claim)", async () => {
    idp.tamperIdToken((c) => ({ ...c }));
    expect(signedIn(await signInAs("u-mette"))).toBe(true);
  });

  describe("refuses an ID token that is correctly signed by the provider but", () => {
    const cases: [string, (c: Record<string, unknown>) => Record<string, unknown>][] = [
      ["from another issuer", (c) => ({ ...c, iss: "https://login.elsewhere.example" })],
      ["for another audience", (c) => ({ ...c, aud: "another-app" })],
      ["for several audiences without us as authorized party", (c) => ({ ...c, aud: ["another-app", "stepwise"], azp: "another-app" })],
      ["expired", (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
      ["with another sign-in's nonce", (c) => ({ ...c, nonce: "a-nonce-from-another-sign-in" })],
      ["without a nonce", (c) => ({ ...c, nonce: undefined })],
    ];
    for (const [what, tamper] of cases) {
      it(what, async () => {
        idp.tamperIdToken(tamper);
        const o = await signInAs("u-tamper");
        expect(signedIn(o)).toBe(false);
        expect(o.landed.origin).toBe(app.url);
        expect(o.landed.pathname).toBe("/signin");
        expect(o.session).toBeNull();
        expect(await findUserByEmail(tdb.handle.db, "tamper@jc.example")).toBeNull();
      });
    }
  });

  it("refuses to start when the configured issuer is not the one the provider names (discovery)", async () => {
    // Same server, another name for it: the discovery document's issuer does not match.
    configure({ OIDC_ISSUER: idp.issuer.replace("127.0.0.1", "localhost") });
    const browser = new TestBrowser();
    const { csrfToken } = (await (await browser.request(`${app.url}/api/auth/csrf`)).json()) as { csrfToken: string };
    const res = await browser.request(`${app.url}/api/auth/signin/oidc`, { form: { csrfToken, callbackUrl: `${app.url}/cases` } });
    const location = new URL(res.headers.get("location")!, app.url);
    expect(location.origin).toBe(app.url);
    expect(location.pathname).toBe("/signin");
    expect(browser.hops.some((h) => h.url.startsWith(idp.issuer))).toBe(false);
  });
});
