import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Account, Profile, User } from "@auth/core/types";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { resetEnvCache } from "../env";
import { buildAuthConfig } from "./auth-config";
import { provisionCaseworker } from "./provision-caseworker";
import { signInOptions } from "./sign-in-options";
import { parseGroupRoles } from "./staff-oidc-settings";
import { roleFromGroups } from "./admit-oidc-staff";
import { oidcIssuerSchema } from "./oidc-issuer";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const OIDC = {
  OIDC_ISSUER: "https://login.kommune.example/",
  OIDC_CLIENT_ID: "stepwise",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_NAME: "MitID Erhverv",
};
function setOidc(on: boolean) {
  for (const [k, v] of Object.entries(OIDC)) {
    if (on) process.env[k] = v;
    else delete process.env[k];
  }
  resetEnvCache();
}
afterEach(() => setOidc(false));

async function signInCallback(user: Partial<User>, profile?: Partial<Profile>) {
  const config = await buildAuthConfig({ requestPath: "/api/auth/callback/oidc" });
  const account = { provider: "oidc", type: "oidc", providerAccountId: "sub-1" } as Account;
  return config.callbacks!.signIn!({ user: user as User, account, profile: profile as Profile });
}

describe("OpenID Connect", () => {
  it("is offered only when issuer, client id and secret are all set", async () => {
    expect((await signInOptions()).oidc).toEqual([]);
    expect((await buildAuthConfig()).providers.map((p) => (p as { id: string }).id)).toEqual(["email"]);
    setOidc(true);
    expect((await signInOptions()).oidc).toEqual([{ providerId: "oidc", name: "MitID Erhverv" }]);
    const providers = (await buildAuthConfig()).providers as { id: string; type: string; issuer?: string; checks?: string[] }[];
    expect(providers.map((p) => p.id)).toEqual(["email", "oidc"]);
    expect(providers[1]).toMatchObject({ type: "oidc", issuer: "https://login.kommune.example", checks: ["pkce", "state", "nonce"] });
  });

  it("admits a provisioned caseworker, and refuses strangers and unverified addresses", async () => {
    setOidc(true);
    await provisionCaseworker({ email: "cw@kommune.example" });
    // Auth.js hands the signIn callback the ID token's claims as `profile`.
    const as = (sub: string, claims: Partial<Profile>) => signInCallback({ id: crypto.randomUUID() }, { sub, ...claims });
    expect(await as("sub-1", { email: "CW@kommune.example", email_verified: true })).toBe(true);
    expect(await as("sub-2", { email: "stranger@kommune.example", email_verified: true })).toBe(false);
    expect(await as("sub-3", { email: "cw@kommune.example", email_verified: false })).toBe(false);
    expect(await as("sub-4", {})).toBe(false);
  });
});

describe("the group map and the issuer", () => {
  it("reads group=role pairs, or a JSON object for group names with commas", () => {
    expect(parseGroupRoles(" jc-sagsbehandlere = caseworker, /stepwise/staff=caseworker ")).toEqual({
      "jc-sagsbehandlere": "caseworker",
      "/stepwise/staff": "caseworker",
    });
    expect(parseGroupRoles('{"CN=Team,OU=Jobcenter": "caseworker"}')).toEqual({ "CN=Team,OU=Jobcenter": "caseworker" });
  });

  it("refuses a malformed pair, an unknown role and an empty map", () => {
    expect(() => parseGroupRoles("jc-sagsbehandlere")).toThrow(/group=role/);
    expect(() => parseGroupRoles("jc=superuser")).toThrow(/roles are/);
    expect(() => parseGroupRoles('{"jc": "root"}')).toThrow(/roles are/);
    expect(() => parseGroupRoles(" , ")).toThrow(/no group/);
  });

  it("gives the role of a mapped group, the widest when several, and none for strangers", () => {
    const map = { a: "caseworker" } as const;
    expect(roleFromGroups(map, ["x", "a"])).toBe("caseworker");
    expect(roleFromGroups(map, "a")).toBe("caseworker");
    expect(roleFromGroups(map, ["x"])).toBeNull();
    expect(roleFromGroups(map, undefined)).toBeNull();
    expect(roleFromGroups(map, [{ name: "a" }])).toBeNull();
    // "toString", "__proto__": a group named like an object's own property maps to nothing.
    expect(roleFromGroups(map, ["toString", "__proto__", "constructor"])).toBeNull();
  });

  it("trusts an https issuer, and plain http only on this machine", () => {
    expect(oidcIssuerSchema.parse("https://login.kommune.example/")).toBe("https://login.kommune.example");
    expect(oidcIssuerSchema.parse("http://127.0.0.1:4000")).toBe("http://127.0.0.1:4000");
    expect(oidcIssuerSchema.safeParse("http://login.kommune.example").success).toBe(false);
    expect(oidcIssuerSchema.safeParse("https://login.kommune.example/?tenant=x").success).toBe(false);
    expect(oidcIssuerSchema.safeParse("not a url").success).toBe(false);
  });
});
