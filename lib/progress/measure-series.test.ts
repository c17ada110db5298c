import { describe, expect, it } from "vitest";
import type { AgreementContent } from "../agreements/agreement-content";
import type { ProgressEntry } from "./list-case-progress";
import { expectedOn, measureStatus, plannedSegments, rampWeeks, segmentOn, type PlannedSegment } from "./measure-series";

const entry = (date: string, value: number): ProgressEntry => ({
  id: date,
  subGoalId: "g",
  date,
  value,
  note: null,
  by: null,
  mine: false,
});
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
    const weeks = rampWeeks(
      { planned: [hours], entries: [entry("2026-03-04", 15), entry("2026-03-12", 16), entry("2026-03-13", 17)] },
      "2026-03-18",
    );
    expect(weeks.map((w) => w.weekStart)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    expect(weeks.map((w) => w.recorded)).toEqual([15, 17, null, null]);
    expect(weeks[0]!.planned).toBe(15.6);
  });
});

describe("the plan line across versions", () => {
  const content = (startsAt: string, from: number, target: number, due: string): AgreementContent => ({
    version: 1,
    preparedAt: startsAt,
    meeting: { id: "m", startsAt },
    plan: {
      track: "employed",
      goal: "",
      goalTargetDate: null,
      step: 3,
      subGoals: [{ id: "g", text: "Hours", due, measure: { label: "Hours a week", from, target, unit: "hours" }, activities: [] }],
      mixer: {},
      tools: [],
    },
    actions: [],
    followUp: { howOften: "", jobCentre: "", nextMeetingAt: null },
    review: null,
  });

  it("issue 13.2: continues across versions instead of a second line restarting at the old start value", () => {
    // Version 1 on 2 March: 15 → 37 by 30 June. Version 2 on 1 April keeps the start value (carried) and moves the target date.
    const segs = plannedSegments("g", [
      { version: 1, content: content("2026-03-02T09:00:00Z", 15, 37, "2026-06-30") },
      { version: 2, content: content("2026-04-01T08:00:00Z", 15, 37, "2026-07-31") },
    ]);
    expect(segs).toEqual([
      { version: 1, startDate: "2026-03-02", startValue: 15, endDate: "2026-04-01", endValue: 20.5 },
      { version: 2, startDate: "2026-04-01", startValue: 20.5, endDate: "2026-07-31", endValue: 37 },
    ]);
  });

  it("starts from a new start value when a version changed it (a new baseline), still ending the earlier piece there", () => {
    const segs = plannedSegments("g", [
      { version: 1, content: content("2026-03-02T09:00:00Z", 15, 37, "2026-06-30") },
      { version: 2, content: content("2026-04-01T08:00:00Z", 16, 37, "2026-06-30") },
    ]);
    expect(segs.map((s) => [s.version, s.startValue, s.endDate])).toEqual([
      [1, 15, "2026-04-01"],
      [2, 16, "2026-06-30"],
    ]);
  });
});
