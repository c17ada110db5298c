import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("maps Norwegian variants to Bokmål", () => {
    expect(negotiateLocale("nb-NO,nb;q=0.9")).toBe("nb");
    expect(negotiateLocale("no")).toBe("nb");
    expect(negotiateLocale("nn-NO")).toBe("nb");
  });
  it("honours quality values", () => {
    expect(negotiateLocale("de;q=1, en;q=0.5, da;q=0.8")).toBe("da");
  });
  it("falls back to Danish for anything else or nothing", () => {
    expect(negotiateLocale("fr-FR,de")).toBe("da");
    expect(negotiateLocale("")).toBe("da");
    expect(negotiateLocale(null)).toBe("da");
  });
  it("takes English when English comes first", () => {
    expect(negotiateLocale("en-GB,en;q=0.9,da;q=0.5")).toBe("en");
  });
});
