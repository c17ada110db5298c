import { describe, expect, it } from "vitest";
import type { ProgressEntry } from "./list-case-progress";
import { expectedOn, measureStatus, rampWeeks, segmentOn, type PlannedSegment } from "./measure-series";

const entry = (date: string, value: number): ProgressEntry => ({ id: date, subGoalId: "g", date, value, note: null, by: null, mine: false });
const hours: PlannedSegment = { version: 1, startDate: "2026-03-02", startValue: 15, endDate: "2026-06-30", endValue: 37 };

describe("the plan line", () => {
  it("runs straight from the agreed start to the target, flat outside, to one decimal", () => {
    expect(expectedOn(hours, "2026-03-02")).toBe(15);
    expect(expectedOn(hours, "2026-06-30")).toBe(37);
    expect(expectedOn(hours, "2026-01-01")).toBe(15);
    expect(expectedOn(hours, "2026-09-01")).toBe(37);
    expect(expectedOn(hours, "2026-04-01")).toBe(20.5);
  });

  it("follows the newest agreement that had started by the day", () => {
    const v2: PlannedSegment = { version: 2, startDate: "2026-04-01", startValue: 22, endDate: "2026-06-30", endValue: 37 };
    expect(segmentOn([hours, v2], "2026-03-15")?.version).toBe(1);
    expect(segmentOn([hours, v2], "2026-04-15")?.version).toBe(2);
  });
});

describe("measureStatus", () => {
  const m = { from: 15, target: 37 };
  it("is on track within a tenth of the planned distance, behind below it, reached at the target", () => {
    expect(measureStatus(m, [], [hours]).kind).toBe("none");
    expect(measureStatus(m, [entry("2026-04-01", 19)], [hours])).toMatchObject({ kind: "on_track", expected: 20.5 });
    expect(measureStatus(m, [entry("2026-04-01", 17)], [hours]).kind).toBe("behind");
    expect(measureStatus(m, [entry("2026-04-01", 37)], [hours]).kind).toBe("reached");
  });

  it("works downwards too (pain 8 → 3), and without a plan compares with the start", () => {
    const pain = { from: 8, target: 3 };
    expect(measureStatus(pain, [entry("2026-04-01", 7)], []).kind).toBe("on_track");
    expect(measureStatus(pain, [entry("2026-04-01", 9)], []).kind).toBe("behind");
    expect(measureStatus({ from: null, target: null }, [entry("2026-04-01", 9)], []).kind).toBe("recorded");
  });
});

describe("rampWeeks", () => {
  it("gives planned and recorded hours week by week, up to next week", () => {
    const weeks = rampWeeks({ planned: [hours], entries: [entry("2026-03-04", 15), entry("2026-03-12", 16), entry("2026-03-13", 17)] }, "2026-03-18");
    expect(weeks.map((w) => w.weekStart)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    expect(weeks.map((w) => w.recorded)).toEqual([15, 17, null, null]);
    expect(weeks[0]!.planned).toBe(15.6);
  });
});
