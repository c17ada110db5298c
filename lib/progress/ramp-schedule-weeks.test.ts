import { describe, expect, it } from "vitest";
import { rampScheduleWeeks } from "./ramp-schedule-weeks";
import type { HoursRamp } from "../plan/hours-ramp";

const ramp: HoursRamp = {
  startsOn: "2027-01-04",
  steps: [
    { hoursPerWeek: 10, weeks: 2 },
    { hoursPerWeek: 15, weeks: 2 },
  ],
  ordinaryHours: 37,
};

describe("rampScheduleWeeks: the agreed ramp against the hours recorded, week by week", () => {
  it("plans each week from the ramp's steps and shows the last hours recorded in it, a missed week as a gap", () => {
    const entries = [
      { date: "2027-01-08", value: 9 },
      { date: "2027-01-15", value: 10 },
      { date: "2027-01-29", value: 14 },
    ];
    expect(rampScheduleWeeks(ramp, entries, "2027-02-10")).toEqual([
      { weekStart: "2027-01-04", planned: 10, recorded: 9 },
      { weekStart: "2027-01-11", planned: 10, recorded: 10 },
      { weekStart: "2027-01-18", planned: 15, recorded: null },
      { weekStart: "2027-01-25", planned: 15, recorded: 14 },
      { weekStart: "2027-02-01", planned: 37, recorded: null },
    ]);
  });

  it("stops at next week while the ramp is still running", () => {
    expect(rampScheduleWeeks(ramp, [], "2027-01-05")!.map((w) => w.weekStart)).toEqual(["2027-01-04", "2027-01-11"]);
  });

  it("gives nothing without a start or without steps (the sub-goal's plan line is used then)", () => {
    expect(rampScheduleWeeks({ ...ramp, startsOn: null }, [], "2027-01-05")).toBeNull();
    expect(rampScheduleWeeks({ ...ramp, steps: [] }, [], "2027-01-05")).toBeNull();
    expect(rampScheduleWeeks(undefined, [], "2027-01-05")).toBeNull();
  });
});
