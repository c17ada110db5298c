import { afterEach, describe, expect, it } from "vitest";
import { parseEnv, resetEnvCache } from "../env";
import { organisationCountry } from "../organisation/organisation-country";
import { TOOLS_BY_COUNTRY, toolsOffered } from "./tools";

describe("toolsOffered", () => {
  it("offers every tool of Danish law on a Danish case, and no Norwegian one", () => {
    expect(toolsOffered("DK")).toEqual([...TOOLS_BY_COUNTRY.DK]);
    expect(toolsOffered("DK")).toContain("resourceCourse");
    expect(toolsOffered("DK")).not.toContain("adaptationGrant");
    expect(toolsOffered("DK")).not.toContain("workRelatedActivity");
  });

  it("does not offer the Danish-only §56 agreement and social chapters on a Norwegian case (issue 18)", () => {
    const offered = toolsOffered("NO");
    expect(offered).not.toContain("section56");
    expect(offered).not.toContain("socialChapter");
    // NAV's tools (issue 17): gradert sykmelding, arbeidsrelatert aktivitet, tilretteleggingstilskudd, arbeidstrening, mentor, hjelpemidler.
    expect(offered).toEqual(["partialReturn", "workRelatedActivity", "adaptationGrant", "internship", "mentor", "aids"]);
  });

  it("still lists a Danish-only tool a Norwegian plan already uses, so it can be unticked", () => {
    expect(toolsOffered("NO", { section56: true, socialChapter: false })).toContain("section56");
    expect(toolsOffered("NO", { section56: true, socialChapter: false })).not.toContain("socialChapter");
  });
});

describe("organisationCountry", () => {
  const saved = process.env.ORGANISATION_COUNTRY;
  afterEach(() => {
    if (saved === undefined) delete process.env.ORGANISATION_COUNTRY;
    else process.env.ORGANISATION_COUNTRY = saved;
    resetEnvCache();
  });

  it("is Denmark unless ORGANISATION_COUNTRY says Norway", () => {
    delete process.env.ORGANISATION_COUNTRY;
    resetEnvCache();
    expect(organisationCountry()).toBe("DK");
    process.env.ORGANISATION_COUNTRY = "NO";
    resetEnvCache();
    expect(organisationCountry()).toBe("NO");
    process.env.ORGANISATION_COUNTRY = "";
    resetEnvCache();
    expect(organisationCountry()).toBe("DK");
  });

  it("refuses a country it does not know at start", () => {
    expect(() => parseEnv({ ORGANISATION_COUNTRY: "SE" })).toThrow(/ORGANISATION_COUNTRY/);
  });
});
