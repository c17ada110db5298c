import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "./init-meeting-doc";
import { readHoursRampOf, readToolDetails, setHoursRamp, setToolDetail } from "./tool-details";
import { addActivity, addSubGoal, setActivityCatalogue } from "./sub-goals";
import { AppError } from "../errors";
import type { HoursRamp } from "../plan/hours-ramp";
import type { ToolDetail } from "../plan/tool-detail";
import type { CatalogueFacts } from "../plan/activity-catalogue";

/*
 * A form shows what is wrong by the fields of the error: these are the names zod gave them (the
 * field's path joined with ".", "value" for the whole value), kept when the checks stopped being
 * zod (issue 19).
 */
function fresh(): Y.Doc {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  return doc;
}

function detailsOf(write: () => void): Record<string, string> | undefined {
  try {
    write();
  } catch (e) {
    if (e instanceof AppError) return e.details;
    throw e;
  }
  throw new Error("it was written");
}

describe("what a refused detail or ramp names", () => {
  it("names a tool's failing fields, and an unknown key as the value", () => {
    const doc = fresh();
    const detail = { status: "in_use", years: 6, note: "n".repeat(501), extra: 1 } as ToolDetail;
    expect(detailsOf(() => setToolDetail(doc, "resourceCourse", detail))).toEqual({ years: "invalid", note: "invalid", value: "invalid" });
    expect(detailsOf(() => setToolDetail(doc, "mentor", { status: "maybe" as "in_use", hoursPerWeek: NaN }))).toEqual({
      status: "invalid",
      hoursPerWeek: "invalid",
    });
    expect(readToolDetails(doc)).toEqual({});
  });

  it("names a ramp's failing step by its place in the list", () => {
    const doc = fresh();
    const ramp = {
      startsOn: "4 January",
      steps: [
        { hoursPerWeek: 10, weeks: 2 },
        { hoursPerWeek: 81, weeks: 0 },
      ],
      ordinaryHours: 37,
    };
    expect(detailsOf(() => setHoursRamp(doc, ramp))).toEqual({
      startsOn: "invalid",
      "steps.1.hoursPerWeek": "invalid",
      "steps.1.weeks": "invalid",
    });
    expect(
      detailsOf(() =>
        setHoursRamp(doc, { ...ramp, startsOn: null, steps: [{ hoursPerWeek: 10, weeks: 2, from: null }] } as unknown as HoursRamp),
      ),
    ).toEqual({
      "steps.0": "invalid",
    });
    expect(detailsOf(() => setHoursRamp(doc, null as unknown as HoursRamp))).toEqual({ value: "invalid" });
    expect(readHoursRampOf(doc)).toEqual({ startsOn: null, steps: [], ordinaryHours: null });
  });

  it("names a refused catalogue activity as the catalogue", () => {
    const doc = fresh();
    const sg = addSubGoal(doc, { text: "x" });
    const act = addActivity(doc, sg, { text: "" });
    const facts: CatalogueFacts = { key: "coaching", name: "x", provider: "", hoursPerWeek: 81, from: null, to: null, atWorkplace: false };
    expect(detailsOf(() => setActivityCatalogue(doc, sg, act, facts))).toEqual({ catalogue: "invalid" });
  });
});
