import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Account, Profile, User } from "@auth/core/types";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { resetEnvCache } from "../env";
import { buildAuthConfig } from "./auth-config";
import { provisionCaseworker } from "./provision-caseworker";
import { signInOptions } from "./sign-in-options";

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
    expect(signInOptions().oidc).toBeNull();
    expect((await buildAuthConfig()).providers.map((p) => (p as { id: string }).id)).toEqual(["email"]);
    setOidc(true);
    expect(signInOptions().oidc).toEqual({ name: "MitID Erhverv" });
    const providers = (await buildAuthConfig()).providers as { id: string; type: string; issuer?: string; checks?: string[] }[];
    expect(providers.map((p) => p.id)).toEqual(["email", "oidc"]);
    expect(providers[1]).toMatchObject({ type: "oidc", issuer: "https://login.kommune.example", checks: ["pkce", "state", "nonce"] });
  });

  it("admits a provisioned caseworker, and refuses strangers and unverified addresses", async () => {
    setOidc(true);
    await provisionCaseworker({ email: "cw@kommune.example" });
    expect(await signInCallback({ id: "sub-1", email: "cw@kommune.example" }, { email_verified: true })).toBe(true);
    expect(await signInCallback({ id: "sub-2", email: "stranger@kommune.example" }, { email_verified: true })).toBe(false);
    expect(await signInCallback({ id: "sub-3", email: "cw@kommune.example" }, { email_verified: false })).toBe(false);
    expect(await signInCallback({ id: "sub-4", email: null }, {})).toBe(false);
  });
});
