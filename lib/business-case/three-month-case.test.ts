import { describe, expect, it } from "vitest";
import { GUIDE_INPUTS, computeBusinessCase, parseAmount } from "./three-month-case";

describe("the employer's three-month business case", () => {
  it("matches every number of the guide's table for its inputs", () => {
    const r = computeBusinessCase(GUIDE_INPUTS);
    expect([r.working.netPay, r.partial.netPay, r.fullTime.netPay, r.dismiss.netPay]).toEqual([90_000, 63_000, 37_500, 37_500]);
    expect([r.working.extraCosts, r.partial.extraCosts, r.fullTime.extraCosts, r.dismiss.extraCosts]).toEqual([0, 45_000, 90_000, 126_000]);
    expect([r.working.employerTotal, r.partial.employerTotal, r.fullTime.employerTotal, r.dismiss.employerTotal]).toEqual([
      90_000, 108_000, 127_500, 163_500,
    ]);
    // The guide's bottom line: partial 18,000, full-time sick 37,500, dismiss and hire 73,500 extra.
    expect([r.working.extraVsWorking, r.partial.extraVsWorking, r.fullTime.extraVsWorking, r.dismiss.extraVsWorking]).toEqual([
      0, 18_000, 37_500, 73_500,
    ]);
  });

  it("recomputes from any edited number", () => {
    const inputs = structuredClone(GUIDE_INPUTS);
    inputs.partial.tempCover = 30_000;
    inputs.dismiss.recruitment = 50_000;
    const r = computeBusinessCase(inputs);
    expect(r.partial.extraVsWorking).toBe(3_000);
    expect(r.dismiss.extraVsWorking).toBe(87_500);
    inputs.working.grossPay = 100_000;
    expect(computeBusinessCase(inputs).fullTime.extraVsWorking).toBe(27_500);
  });

  it("reads amounts written the Danish, Norwegian or English way, and refuses what is not kroner", () => {
    expect(parseAmount("90.000")).toBe(90_000);
    expect(parseAmount("90 000")).toBe(90_000);
    expect(parseAmount("90\u00a0000")).toBe(90_000);
    expect(parseAmount("90,000")).toBe(90_000);
    expect(parseAmount("kr. 27.000")).toBe(27_000);
    expect(parseAmount("1.250.000")).toBe(1_250_000);
    expect(parseAmount("")).toBe(0);
    for (const bad of ["90.000,50", "-5", "abc", "9.00.000", "1e6", "100000001"]) expect(parseAmount(bad), bad).toBeNull();
  });
});
