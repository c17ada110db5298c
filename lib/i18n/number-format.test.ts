import { describe, expect, it } from "vitest";
import { formatEditableNumber, formatNumber, intlTag } from "./number-format";

describe("number formatting by language", () => {
  it("writes 7,5 in Danish and Norwegian and 7.5 in English (issue 18)", () => {
    expect(formatNumber(7.5, "da")).toBe("7,5");
    expect(formatNumber(7.5, "nb")).toBe("7,5");
    expect(formatNumber(7.5, "en")).toBe("7.5");
  });

  it("groups thousands the language's way when a number is read", () => {
    expect(formatNumber(90000, "da")).toBe("90.000");
    expect(formatNumber(90000, "nb")).toBe("90\u00a0000");
    expect(formatNumber(90000, "en")).toBe("90,000");
  });

  it("keeps a number in a field typeable: no grouping, a hyphen-minus, the language's decimal mark", () => {
    expect(formatEditableNumber(7.5, "en")).toBe("7.5");
    expect(formatEditableNumber(7.5, "da")).toBe("7,5");
    expect(formatEditableNumber(-2.25, "nb")).toBe("-2,25");
    expect(formatEditableNumber(15000, "da")).toBe("15000");
  });

  it("falls back to Danish, the default, for an unknown language", () => {
    expect(intlTag("sv")).toBe("da-DK");
    expect(formatNumber(7.5, "sv")).toBe("7,5");
  });
});
