import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env";
import { checkSignInSettings } from "./check-sign-in-settings";

const VARS = [
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_GROUP_ROLES",
  "EID_ISSUER",
  "EID_CLIENT_ID",
  "EID_CLIENT_SECRET",
];
function set(vars: Record<string, string>) {
  for (const k of VARS) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnvCache();
}
afterEach(() => set({}));

describe("the sign-in settings at start", () => {
  it("counts what is configured", () => {
    expect(checkSignInSettings()).toEqual({ staffOidc: 0, eid: false });
    set({
      OIDC_ISSUER: "https://idp.example",
      OIDC_CLIENT_ID: "c",
      OIDC_CLIENT_SECRET: "s",
      OIDC_GROUP_ROLES: "g=caseworker",
      EID_ISSUER: "https://broker.example",
      EID_CLIENT_ID: "c",
      EID_CLIENT_SECRET: "s",
    });
    expect(checkSignInSettings()).toEqual({ staffOidc: 1, eid: true });
  });

  it("stops the start on a malformed group map or an http issuer elsewhere than this machine", () => {
    set({ OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s", OIDC_GROUP_ROLES: "g=root" });
    expect(() => checkSignInSettings()).toThrow(/OIDC_GROUP_ROLES/);
    set({ OIDC_ISSUER: "http://idp.example", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" });
    expect(() => checkSignInSettings()).toThrow(/https/);
    set({ EID_ISSUER: "http://broker.example", EID_CLIENT_ID: "c", EID_CLIENT_SECRET: "s" });
    expect(() => checkSignInSettings()).toThrow(/https/);
  });
});
