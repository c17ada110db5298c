import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env";
import { issuerOfCase } from "./issuer-of-case";

const CASE = "3f2a9c1e-7b4d-4e2a-9f00-123456789abc";

function withEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

afterEach(() => withEnv({ ORGANISATION_NAME: undefined, PUBLIC_URL: undefined }));

describe("issuerOfCase", () => {
  it("takes the organisation from ORGANISATION_NAME and a short, stable reference from the case id", async () => {
    withEnv({ ORGANISATION_NAME: "NAV Grünerløkka", PUBLIC_URL: "https://moede.kommune.dk" });
    expect(await issuerOfCase({ caseId: CASE })).toEqual({ organisationName: "NAV Grünerløkka", caseReference: "3F2A9C1E" });
  });

  it("names the server's public host, never an invented organisation, when ORGANISATION_NAME is unset or empty", async () => {
    withEnv({ ORGANISATION_NAME: "", PUBLIC_URL: "https://moede.kommune.dk" });
    expect((await issuerOfCase({ caseId: CASE })).organisationName).toBe("moede.kommune.dk");
    withEnv({ ORGANISATION_NAME: undefined, PUBLIC_URL: undefined });
    expect((await issuerOfCase({ caseId: CASE })).organisationName).toBe("localhost:3000");
  });
});
