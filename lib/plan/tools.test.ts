import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { PLAN_TOOLS, toolsOffered } from "./tools";

describe("toolsOffered", () => {
  it("offers every tool of Danish law on a Danish case", () => {
    expect(toolsOffered("DK")).toEqual([...PLAN_TOOLS]);
  });

  it("does not offer the Danish-only §56 agreement and social chapters on a Norwegian case (issue 18)", () => {
    const offered = toolsOffered("NO");
    expect(offered).not.toContain("section56");
    expect(offered).not.toContain("socialChapter");
    expect(offered).toEqual(["partialReturn", "internship", "mentor", "aids", "personalAssistance", "wageSubsidy"]);
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
