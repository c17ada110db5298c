import { describe, expect, it } from "vitest";
import { isHoursMeasure, measureRange, statedScale } from "./measure-range";

describe("measureRange", () => {
  it("takes a scale stated in the label or unit, in any of our languages", () => {
    expect(measureRange({ label: "Smerte på en skala fra 1 til 10", from: 8, target: 3, unit: "point" })).toEqual({
      min: 1,
      max: 10,
      source: "scale",
    });
    expect(measureRange({ label: "Self-rating", from: 2, target: 4, unit: "1–5" })).toEqual({ min: 1, max: 5, source: "scale" });
    expect(statedScale("Smerte 0-10")).toEqual({ min: 0, max: 10 });
    expect(statedScale("Selvvurdering fra 1 till 7")).toEqual({ min: 1, max: 7 });
    expect(statedScale("Pain on a scale of 1 to 10")).toEqual({ min: 1, max: 10 });
    expect(statedScale("Timer om ugen")).toBeNull();
  });

  it("otherwise widens the agreed start and target by their distance, never below 0 for counts", () => {
    expect(measureRange({ label: "Timer om ugen", from: 15, target: 37, unit: "timer" })).toEqual({ min: 0, max: 59, source: "plan" });
    expect(measureRange({ label: "Kg per lift", from: 5, target: 10, unit: "kg" })).toEqual({ min: 0, max: 15, source: "plan" });
    expect(measureRange({ label: "Temperature", from: -5, target: 5, unit: "" })).toEqual({ min: -15, max: 15, source: "plan" });
    expect(measureRange({ label: "Walk", from: null, target: 60, unit: "minutes" })).toEqual({ min: 0, max: 120, source: "plan" });
  });

  it("has no range when there is nothing to measure", () => {
    expect(measureRange({ label: "Feel better", from: null, target: null, unit: "" })).toBeNull();
  });

  it("knows an hours measure by its unit or label", () => {
    expect(isHoursMeasure({ label: "Timer om ugen", from: 15, target: 37, unit: "timer" })).toBe(true);
    expect(isHoursMeasure({ label: "Arbeidstid", from: 15, target: 37, unit: "timar" })).toBe(true);
    expect(isHoursMeasure({ label: "Hours a week", from: 15, target: 37, unit: "" })).toBe(true);
    expect(isHoursMeasure({ label: "Smerte 1–10", from: 8, target: 3, unit: "point" })).toBe(false);
  });
});
