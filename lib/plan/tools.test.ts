import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
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

describe("ORGANISATION_COUNTRY (the bootstrap organisation's country)", () => {
  it("refuses a country it does not know at start", () => {
    expect(() => parseEnv({ ORGANISATION_COUNTRY: "SE" })).toThrow(/ORGANISATION_COUNTRY/);
  });
});
