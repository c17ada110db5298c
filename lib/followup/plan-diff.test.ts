import { describe, expect, it } from "vitest";
import { translator } from "../agreements/labels";
import { LOCALES } from "../i18n/locales";
import { describeChanges } from "./describe-changes";
import { diffPlans, type ChangeField, type PlanSnapshot } from "./plan-diff";

const owner = (name: string) => ({ participantId: `p-${name}`, name, role: "manager" });

const before: PlanSnapshot = {
  plan: {
    track: "employed",
    goal: "Back in own job within 6 months",
    goalTargetDate: "2026-09-01",
    step: 3,
    subGoals: [
      {
        id: "hours",
        text: "Working hours up from 15 to 37",
        due: "2026-06-01",
        measure: { label: "Hours a week", from: 15, target: 37, unit: "hours" },
        activities: [
          { id: "intern", text: "Internship as forklift driver", who: "Kurt", schedule: "15 hours a week" },
          { id: "gone", text: "Coping course", who: "Kurt", schedule: "Twice a week" },
        ],
      },
      {
        id: "old-goal",
        text: "Walk one hour a day",
        due: null,
        measure: { label: "", from: null, target: null, unit: "" },
        activities: [],
      },
    ],
    mixer: { hours: 2, physical: 2, tasks: 3 },
    tools: ["internship", "mentor"],
  },
  actions: [
    { id: "a1", text: "Agree working hours", owner: owner("Lars"), due: "2026-03-10", status: "open" },
    { id: "a2", text: "Send the internship agreement", owner: null, due: null, status: "in_progress" },
  ],
  followUp: { howOften: "Every Friday", jobCentre: "In 4 weeks", nextMeetingAt: "2026-04-01T10:00" },
};

const after: PlanSnapshot = {
  plan: {
    track: "employed",
    goal: "Back in own job full time within 6 months",
    goalTargetDate: "2026-10-01",
    step: 4,
    subGoals: [
      {
        id: "hours",
        text: "Working hours up from 22 to 37",
        due: "2026-07-01",
        measure: { label: "Hours each week", from: 22, target: 30, unit: "h" },
        activities: [
          { id: "intern", text: "Partial return as forklift driver", who: "Kurt and Lars", schedule: "22 hours a week" },
          { id: "new", text: "A daily walk with a colleague", who: "Kurt", schedule: "Every day" },
        ],
      },
      {
        id: "new-goal",
        text: "Pain down to 3",
        due: "2026-05-01",
        measure: { label: "Pain 1–10", from: 6, target: 3, unit: "" },
        activities: [],
      },
    ],
    mixer: { hours: 3, physical: 2, intensity: 2 },
    tools: ["internship", "partialReturn"],
  },
  actions: [
    { id: "a1", text: "Agree working hours and tasks", owner: owner("Mette"), due: "2026-04-10", status: "done" },
    { id: "a3", text: "Try the new truck", owner: owner("Lars"), due: null, status: "open" },
  ],
  followUp: { howOften: "Every Friday and after each shift", jobCentre: "In 6 weeks", nextMeetingAt: "2026-05-06T10:00" },
};

/** Every field a plan has, as plan-diff names them. */
const EVERY_FIELD: ChangeField[] = [
  "step",
  "mixer",
  "goal",
  "goalTargetDate",
  "subGoal",
  "subGoal.text",
  "subGoal.due",
  "measure.label",
  "measure.unit",
  "measure.from",
  "measure.target",
  "activity",
  "activity.text",
  "activity.who",
  "activity.schedule",
  "tool",
  "action",
  "action.text",
  "action.owner",
  "action.due",
  "action.status",
  "followUp.howOften",
  "followUp.jobCentre",
  "followUp.nextMeetingAt",
];

describe("diffPlans", () => {
  it("names every changed field, in both directions", () => {
    const forward = diffPlans(before, after);
    const backward = diffPlans(after, before);
    expect(new Set(forward.map((c) => c.field))).toEqual(new Set(EVERY_FIELD));
    expect(new Set(backward.map((c) => c.field))).toEqual(new Set(EVERY_FIELD));
    expect(backward).toHaveLength(forward.length);
    // Backwards, each change is the same change with from and to swapped (added ↔ removed).
    const key = (c: { field: string; from: unknown; to: unknown }) => `${c.field}|${String(c.from)}|${String(c.to)}`;
    expect(new Set(backward.map(key))).toEqual(new Set(forward.map((c) => key({ field: c.field, from: c.to, to: c.from }))));
  });

  it("reports the concrete changes the way people talk about them", () => {
    const forward = diffPlans(before, after);
    expect(forward).toContainEqual({ field: "step", subject: null, from: 3, to: 4 });
    expect(forward).toContainEqual({ field: "measure.from", subject: "Hours each week", from: 15, to: 22 });
    expect(forward).toContainEqual({ field: "mixer", subject: "intensity", from: null, to: 2 });
    expect(forward).toContainEqual({ field: "mixer", subject: "tasks", from: 3, to: null });
    expect(forward).toContainEqual({
      field: "activity",
      subject: "Working hours up from 22 to 37",
      from: null,
      to: "A daily walk with a colleague",
    });
    expect(forward).toContainEqual({ field: "action", subject: null, from: "Send the internship agreement", to: null });
    expect(forward).toContainEqual({ field: "tool", subject: null, from: null, to: "partialReturn" });
    expect(forward).toContainEqual({ field: "action.owner", subject: "Agree working hours and tasks", from: "Lars", to: "Mette" });
  });

  it("finds nothing between a plan and itself, and treats blank text as not set", () => {
    expect(diffPlans(before, structuredClone(before))).toEqual([]);
    const blank = structuredClone(before);
    blank.followUp.howOften = "   ";
    expect(diffPlans(before, blank)).toEqual([{ field: "followUp.howOften", subject: null, from: "Every Friday", to: null }]);
  });
});

describe("describeChanges", () => {
  it("says what changed in plain words in Danish, Norwegian and English", () => {
    const changes = diffPlans(before, after);
    const en = describeChanges(changes, "en", translator("en"));
    expect(en).toContain("Step 3 → 4");
    expect(en).toContain("Hours each week, start value: 15 → 22");
    expect(en).toContain("Hours each week, target: 37 → 30");
    expect(en).toContain("New activity: A daily walk with a colleague");
    expect(en).toContain("Action removed: Send the internship agreement");
    expect(en).toContain(`New tool: ${translator("en")("tools.partialReturn")}`);
    expect(en).toContain(`Mixer desk, ${translator("en")("mixer.hours")}: 2 → 3`);
    expect(en).toContain("Agree working hours and tasks – status: Open → Done");

    const da = describeChanges(changes, "da", translator("da"));
    expect(da).toContain("Trin 3 → 4");
    expect(da).toContain("Handling fjernet: Send the internship agreement");
    expect(da).toContain("Ny indsats: A daily walk with a colleague");
    const nb = describeChanges(changes, "nb", translator("nb"));
    expect(nb).toContain("Trinn 3 → 4");
    expect(nb).toContain("Nytt tiltak: A daily walk with a colleague");

    // One sentence per change, in every language, with no placeholder left unfilled.
    for (const locale of LOCALES) {
      const lines = describeChanges(changes, locale, translator(locale));
      expect(lines).toHaveLength(changes.length);
      for (const line of lines) expect(line, `${locale}: ${line}`).not.toMatch(/\{\w+\}/);
      // Backwards, too.
      const back = describeChanges(diffPlans(after, before), locale, translator(locale));
      for (const line of back) expect(line).not.toMatch(/\{\w+\}/);
    }
    const enBack = describeChanges(diffPlans(after, before), "en", translator("en"));
    expect(enBack).toContain("Step 4 → 3");
    expect(enBack).toContain("Activity removed: A daily walk with a colleague");
    expect(enBack).toContain("New action: Send the internship agreement");
  });
});

describe("a measure's start value", () => {
  it("issue 13.2: a change of a measure's start value reads as that ('start value 15 → 16'), not as a change in hours", () => {
    const changed = structuredClone(before);
    changed.plan.subGoals[0]!.measure.from = 16;
    const lines = describeChanges(diffPlans(before, changed), "en", translator("en"));
    expect(lines).toEqual(["Hours a week, start value: 15 → 16"]);
    expect(describeChanges(diffPlans(before, changed), "da", translator("da"))[0]).toContain("startværdi: 15 → 16");
  });
});
