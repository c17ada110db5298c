import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { addAction, actionText } from "./actions";
import { addActivity, addSubGoal } from "./sub-goals";
import { initMeetingDoc } from "./init-meeting-doc";
import { applyTextChangeWithin, clampText, TEXT_LIMITS } from "./text-limits";

function doc(): Y.Doc {
  const d = new Y.Doc();
  initMeetingDoc(d, { track: "employed" });
  return d;
}

describe("every shared text has a maximum", () => {
  it("issue 13.2: an action of 3,419 characters is refused (it flooded the shared screen)", () => {
    const d = doc();
    expect(() => addAction(d, { text: "x".repeat(3419) })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", details: { text: "too_long" } }),
    );
    expect(() => addAction(d, { text: "x".repeat(TEXT_LIMITS.actionText) })).not.toThrow();
  });

  it("refuses over-long sub-goals, measures and activities", () => {
    const d = doc();
    expect(() => addSubGoal(d, { text: "x".repeat(TEXT_LIMITS.subGoalText + 1) })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
    expect(() => addSubGoal(d, { text: "ok", measureUnit: "u".repeat(TEXT_LIMITS.measureUnit + 1) })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
    const g = addSubGoal(d, { text: "ok" });
    expect(() => addActivity(d, g, { text: "a", schedule: "s".repeat(TEXT_LIMITS.activitySchedule + 1) })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
  });

  it("stops typing and pasting at the limit, but always lets a too-long text be shortened", () => {
    const d = doc();
    const id = addAction(d, { text: "" });
    const text = actionText(d, id);
    const pasted = applyTextChangeWithin(text, "actionText", "", "y".repeat(3419));
    expect(pasted.length).toBe(TEXT_LIMITS.actionText);
    expect(text.toString().length).toBe(TEXT_LIMITS.actionText);
    // A text that is too long already (from an older document) can still be cut down.
    text.insert(0, "z".repeat(100));
    const before = text.toString();
    applyTextChangeWithin(text, "actionText", before, before.slice(10));
    expect(text.toString().length).toBe(before.length - 10);
  });

  it("never cuts an emoji in half", () => {
    const s = "a".repeat(TEXT_LIMITS.measureUnit - 1) + "😀";
    expect(clampText("measureUnit", s)).toBe("a".repeat(TEXT_LIMITS.measureUnit - 1));
  });
});
