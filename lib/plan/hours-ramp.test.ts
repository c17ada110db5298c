import { describe, expect, it } from "vitest";
import { plannedHoursOn, rampEndsOn, rampSchedule, readHoursRamp, type HoursRamp } from "./hours-ramp";

const ramp: HoursRamp = {
  startsOn: "2027-01-04",
  steps: [
    { hoursPerWeek: 10, weeks: 2 },
    { hoursPerWeek: 15, weeks: 2 },
  ],
  ordinaryHours: 37,
};

describe("the structured hours ramp", () => {
  it("lays the steps out week by week from the start date", () => {
    expect(rampSchedule(ramp).map((w) => [w.week, w.weekStart, w.hoursPerWeek])).toEqual([
      [1, "2027-01-04", 10],
      [2, "2027-01-11", 10],
      [3, "2027-01-18", 15],
      [4, "2027-01-25", 15],
    ]);
    expect(rampEndsOn(ramp)).toBe("2027-02-01");
  });

  it("plans the step's hours while it runs, ordinary hours after, and nothing before the start or without one", () => {
    expect(plannedHoursOn(ramp, "2027-01-03")).toBeNull();
    expect(plannedHoursOn(ramp, "2027-01-10")).toBe(10);
    expect(plannedHoursOn(ramp, "2027-01-18")).toBe(15);
    expect(plannedHoursOn(ramp, "2027-02-01")).toBe(37);
    expect(plannedHoursOn({ ...ramp, startsOn: null }, "2027-01-10")).toBeNull();
  });

  it("reads a stored value that is not a ramp as no ramp", () => {
    expect(readHoursRamp({ startsOn: "x", steps: [] })).toEqual({ startsOn: null, steps: [], ordinaryHours: null });
    expect(readHoursRamp(ramp)).toEqual(ramp);
  });
});
