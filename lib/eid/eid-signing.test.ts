import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { startTestIdp, type TestIdp } from "../testing/oidc-test-provider";
import { TestBrowser, firstForm } from "../testing/test-browser";
import { resetEnvCache } from "../env";
import { serverNow } from "../time/server-clock";
import type { Me, ParticipantActor } from "../access/actor";
import { prepareAgreement } from "../agreements/prepare-agreement";
import { signAgreement } from "../agreements/sign-agreement";
import { provenEventsOf } from "../agreements/proven-events";
import { exportAgreementPdf } from "../agreements/export-agreement-pdf";
import { pdfPages } from "../agreements/pdf-testing";
import { describeAuthMethod } from "../agreements/auth-method-meaning";
import { CLIENT, createAgreementFixture, type AgreementFixture } from "../agreements/test-fixtures";
import { startEidSignIn } from "./start-eid-sign-in";
import { finishEidSignIn } from "./finish-eid-sign-in";
import { freshEidOf } from "./fresh-eid";
import { assuranceLevelOf } from "./assurance-level";
import { eidNameMatches } from "./eid-name-matches";
import { eidSettingsFor } from "./eid-settings";
import { configureOrganisationEid } from "./configure-organisation-eid";
import { insertOrganisation, setOrganisationSetting } from "@/db/queries/organisations";

/**
 * Issue 17: a participant confirms who they are with the national eID through an OIDC broker (a
 * real oidc-provider here, reporting the assurance level as `acr`), and signs the agreement; the
 * signature event — hashed into the chain — records the level, and the PDF says it.
 */
const APP = "http://127.0.0.1:39999";
let tdb: TestDatabase;
let idp: TestIdp;
let fx: AgreementFixture;

beforeAll(async () => {
  tdb = await createTestDatabase();
  process.env.PUBLIC_URL = APP;
  fx = await createAgreementFixture();
  idp = await startTestIdp({
    clients: [{ clientId: "stepwise-eid", clientSecret: "eid-secret-of-stepwise", redirectUris: [`${APP}/api/eid/callback`] }],
    // The broker's person for each participant, by the registered name (MitID adds middle names).
    accounts: [
      { sub: "employee", name: withMiddleName(fx.names.employee) },
      { sub: "manager", name: fx.names.manager },
      { sub: "someone-else", name: "Someone Else Entirely" },
    ],
  });
  configure({});
});
afterAll(async () => {
  configure({ EID_ISSUER: undefined, EID_CLIENT_ID: undefined, EID_CLIENT_SECRET: undefined, PUBLIC_URL: undefined });
  await idp?.close();
  await tdb?.drop();
});
afterEach(() => {
  idp.tamperIdToken(null);
  configure({});
});

function withMiddleName(name: string): string {
  const [first, ...rest] = name.split(" ");
  return [first, "Middle", ...rest].join(" ");
}

function configure(env: Record<string, string | undefined>) {
  const all = {
    EID_ISSUER: idp?.issuer,
    EID_CLIENT_ID: "stepwise-eid",
    EID_CLIENT_SECRET: "eid-secret-of-stepwise",
    EID_MIN_LEVEL: undefined,
    EID_NAME: "MitID",
    EID_ACR_VALUES: "substantial high",
    ...env,
  };
  for (const [k, v] of Object.entries(all)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

const participant = (me: Me) => me.actor as ParticipantActor;

/** The browser's part: our start → the broker's login form → the redirect back to our callback. */
async function atBroker(me: Me, login: string, acr: string): Promise<URLSearchParams> {
  const { url } = await startEidSignIn(participant(me), { returnTo: "/agreements/x" });
  const b = new TestBrowser();
  const page = await b.go(url);
  const form = firstForm(await page.res.text(), page.url);
  const back = await b.go(form.action, { form: { ...form.fields, login, acr } }, (u) => u.origin !== APP);
  const location = new URL(back.res.headers.get("location")!, back.url);
  expect(location.origin + location.pathname).toBe(`${APP}/api/eid/callback`);
  return location.searchParams;
}

describe("signing with the national eID", () => {
  it("confirms the participant at the broker (code + PKCE) and the signature records the assurance level", async () => {
    const { url } = await startEidSignIn(participant(fx.actors.employee), { returnTo: "/agreements/abc" });
    const authorize = new URL(url);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${APP}/api/eid/callback`);
    for (const p of ["state", "nonce", "code_challenge"]) expect(authorize.searchParams.get(p)).toBeTruthy();
    expect(authorize.searchParams.get("acr_values")).toBe("substantial high");

    const query = await atBroker(fx.actors.employee, "employee", "high");
    const done = await finishEidSignIn(participant(fx.actors.employee), query);
    expect(done).toEqual({ returnTo: "/agreements/x", level: "high" });
    expect(idp.lastIdTokenClaims()).toMatchObject({ aud: "stepwise-eid", acr: "high" });
    expect(await freshEidOf(fx.actors.employee.actor, serverNow())).toMatchObject({ level: "high", acr: "high" });

    // The same answer again: the attempt is used up.
    await expect(finishEidSignIn(participant(fx.actors.employee), query)).rejects.toMatchObject({ code: "GONE" });

    const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    await signAgreement({
      me: fx.actors.employee,
      agreementId: v.agreementId,
      confirmation: { mode: "own-device", typedName: fx.names.employee },
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
    // The manager signs by the personal link: the no-eID path stays.
    await signAgreement({
      me: fx.actors.manager,
      agreementId: v.agreementId,
      confirmation: { mode: "own-device", typedName: fx.names.manager },
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
    const signed = (await provenEventsOf(v.agreementId)).filter((e) => e.type === "signed");
    expect(signed.map((e) => [e.role, e.authMethod])).toEqual([
      ["employee", "own-device:eid:high:high"],
      ["manager", "own-device:join-link"],
    ]);
    expect(describeAuthMethod(signed[0]!.authMethod!)).toEqual({ kind: "eid", level: "high", acr: "high" });

    const pdf = await exportAgreementPdf({ me: fx.actors.caseworker, agreementId: v.agreementId, locale: "da", baseUrl: APP });
    const text = (await pdfPages(pdf.bytes)).join("\n").replace(/\s+/g, " ");
    expect(text).toContain("logget ind med national eID (sikringsniveau: høj)");
    const en = await exportAgreementPdf({ me: fx.actors.caseworker, agreementId: v.agreementId, locale: "en", baseUrl: APP });
    expect((await pdfPages(en.bytes)).join("\n").replace(/\s+/g, " ")).toContain("national eID (assurance level: high)");
  });

  it("an eID confirmation older than 15 minutes no longer signs as eID", async () => {
    const later = new Date(serverNow().getTime() + 16 * 60_000);
    expect(await freshEidOf(fx.actors.employee.actor, later)).toBeNull();
  });

  it("refuses a level below the organisation's minimum, and one it does not understand", async () => {
    configure({ EID_MIN_LEVEL: "high" });
    const q = await atBroker(fx.actors.manager, "manager", "substantial");
    await expect(finishEidSignIn(participant(fx.actors.manager), q)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/level/),
    });
    configure({});
    idp.tamperIdToken((c) => ({ ...c, acr: "urn:something:else" }));
    const q2 = await atBroker(fx.actors.manager, "manager", "substantial");
    await expect(finishEidSignIn(participant(fx.actors.manager), q2)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/level/),
    });
    expect(await freshEidOf(fx.actors.manager.actor, serverNow())).toBeNull();
  });

  it("refuses someone else's eID: the name is not the participant's", async () => {
    const q = await atBroker(fx.actors.manager, "someone-else", "high");
    await expect(finishEidSignIn(participant(fx.actors.manager), q)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/name/),
    });
    expect(await freshEidOf(fx.actors.manager.actor, serverNow())).toBeNull();
  });

  it("refuses an answer brought to another participant's browser (the attempt belongs to the session that started it)", async () => {
    const q = await atBroker(fx.actors.manager, "manager", "high");
    await expect(finishEidSignIn(participant(fx.actors.employee), q)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/another browser/),
    });
    await expect(finishEidSignIn(null, q)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses a state it did not make, and a cancelled sign-in", async () => {
    await expect(
      finishEidSignIn(participant(fx.actors.manager), new URLSearchParams({ code: "x", state: "forged" })),
    ).rejects.toMatchObject({
      code: "GONE",
    });
    const { url } = await startEidSignIn(participant(fx.actors.manager), {});
    const state = new URL(url).searchParams.get("state")!;
    await expect(
      finishEidSignIn(participant(fx.actors.manager), new URLSearchParams({ error: "access_denied", state })),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  describe("refuses an ID token correctly signed by the broker but", () => {
    const cases: [string, (c: Record<string, unknown>) => Record<string, unknown>][] = [
      ["from another issuer", (c) => ({ ...c, iss: "https://broker.elsewhere.example" })],
      ["for another audience", (c) => ({ ...c, aud: "another-app" })],
      ["expired", (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
      ["with another sign-in's nonce", (c) => ({ ...c, nonce: "another-nonce" })],
    ];
    for (const [what, tamper] of cases) {
      it(what, async () => {
        idp.tamperIdToken(tamper);
        const q = await atBroker(fx.actors.manager, "manager", "high");
        await expect(finishEidSignIn(participant(fx.actors.manager), q)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
        expect(await freshEidOf(fx.actors.manager.actor, serverNow())).toBeNull();
      });
    }
    it("(control) re-signed unchanged is accepted", async () => {
      idp.tamperIdToken((c) => ({ ...c }));
      const q = await atBroker(fx.actors.manager, "manager", "substantial");
      expect((await finishEidSignIn(participant(fx.actors.manager), q)).level).toBe("substantial");
    });
  });
});

describe("each organisation's own broker", () => {
  it("is the organisation's setting, else EID_* for the bootstrap organisation only; malformed or secretless means none", async () => {
    const home = fx.actors.employee.actor.organisationId;
    expect(await eidSettingsFor(home)).toMatchObject({ id: "eid", name: "MitID", issuer: idp.issuer });
    const nav = (await insertOrganisation(tdb.handle.db, { name: "NAV Test", country: "NO" })).id;
    expect(await eidSettingsFor(nav)).toBeNull();

    process.env.EID_SECRET_NAV_TEST = "nav-broker-secret";
    const configured = await configureOrganisationEid({
      organisationId: nav,
      publicUrl: APP,
      settings: {
        name: "ID-porten",
        issuer: idp.issuer,
        clientId: "stepwise-nav",
        clientSecretEnv: "EID_SECRET_NAV_TEST",
        acrValues: "idporten-loa-high",
        minLevel: "high",
      },
    });
    expect(configured).toEqual({
      redirectUri: `${APP}/api/eid/callback`,
      eid: expect.objectContaining({ name: "ID-porten", minLevel: "high" }),
    });
    expect(await eidSettingsFor(nav)).toMatchObject({
      id: `eid-${nav}`,
      name: "ID-porten",
      clientSecret: "nav-broker-secret",
      acrValues: "idporten-loa-high",
      minLevel: "high",
    });
    delete process.env.EID_SECRET_NAV_TEST;
    expect(await eidSettingsFor(nav)).toBeNull();
    // The configuring use-case refuses what is malformed; a row altered by hand is read as "no eID".
    const malformed = { name: "ID-porten", issuer: "http://broker.example", clientId: "x", clientSecretEnv: "X" };
    await expect(configureOrganisationEid({ organisationId: nav, publicUrl: APP, settings: malformed })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { issuer: expect.any(String) },
    });
    await setOrganisationSetting(tdb.handle.db, nav, "eid", malformed);
    expect(await eidSettingsFor(nav)).toBeNull();
    expect(await configureOrganisationEid({ organisationId: nav, publicUrl: APP, settings: null })).toEqual({ off: true });
    expect(await eidSettingsFor(nav)).toBeNull();
  });
});

describe("reading the brokers' assurance levels", () => {
  it("understands NSIS, ID-porten and plain levels, and nothing else", () => {
    expect(assuranceLevelOf("https://data.gov.dk/concept/core/nsis/loa/Substantial")).toBe("substantial");
    expect(assuranceLevelOf("https://data.gov.dk/concept/core/nsis/loa/High")).toBe("high");
    expect(assuranceLevelOf("idporten-loa-substantial")).toBe("substantial");
    expect(assuranceLevelOf("idporten-loa-high")).toBe("high");
    expect(assuranceLevelOf("Level4")).toBe("high");
    expect(assuranceLevelOf("low")).toBe("low");
    expect(assuranceLevelOf("superhigh")).toBeNull();
    expect(assuranceLevelOf("urn:x:1")).toBeNull();
    expect(assuranceLevelOf(undefined)).toBeNull();
  });

  it("matches the registered name within the eID's, in order", () => {
    expect(eidNameMatches("Kurt Hansen", "KURT Erik  Hansen")).toBe(true);
    expect(eidNameMatches("Kurt Hansen", "Kurt Jensen")).toBe(false);
    expect(eidNameMatches("Kurt Hansen", "Hansen Kurt")).toBe(false);
    expect(eidNameMatches("", "Kurt")).toBe(false);
  });
});
