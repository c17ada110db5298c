import { describe, expect, it } from "vitest";
import { addDays } from "../time/zoned";
import { endOfWeek, isDueWithinWeek, lawDeadlines, type CaseFacts, type LawDeadline } from "./law-deadlines";

const start = "2026-01-05"; // a Monday: week 1 is 5–11 January
const facts = (over: Partial<CaseFacts>): CaseFacts => ({
  country: "DK",
  sickLeaveStart: start,
  heldMeetings: [],
  signedPlans: [],
  today: start,
  ...over,
});
const byRule = (list: LawDeadline[], rule: string) => list.filter((d) => d.rule === rule);
const one = (list: LawDeadline[], rule: string) => {
  const found = byRule(list, rule);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("the end of a week of absence", () => {
  it("counts the first day of absence as day 1 of week 1", () => {
    expect(endOfWeek(start, 1)).toBe("2026-01-11");
    expect(endOfWeek(start, 8)).toBe("2026-03-01");
  });
});

describe("Denmark (sygedagpengeloven)", () => {
  it("on the first day: fast-track open until week 5, the first follow-up by week 8, reassessment by week 22, a retention plan on request", () => {
    const list = lawDeadlines(facts({}));
    expect(one(list, "dk.fastTrack")).toMatchObject({ due: endOfWeek(start, 5), status: "open" });
    expect(one(list, "dk.firstFollowUp")).toMatchObject({
      due: endOfWeek(start, 8),
      status: "upcoming",
      source: expect.stringContaining("Sygedagpengeloven"),
    });
    expect(one(list, "dk.reassessment")).toMatchObject({ due: endOfWeek(start, 22), status: "upcoming" });
    expect(one(list, "dk.retentionPlan")).toMatchObject({ due: null, status: "onRequest" });
    // Nothing of the later 4-week rhythm is listed before the first conversation.
    expect(byRule(list, "dk.followUp")).toHaveLength(0);
  });

  it("a first conversation in week 6 is met, and the next is due 4 weeks after it", () => {
    const held = addDays(start, 7 * 5 + 2); // week 6
    const list = lawDeadlines(facts({ heldMeetings: [held], today: addDays(held, 3) }));
    expect(one(list, "dk.firstFollowUp")).toMatchObject({ status: "met", doneOn: held });
    expect(one(list, "dk.followUp")).toMatchObject({ due: addDays(held, 28), status: "upcoming" });
  });

  it("no conversation by the end of week 8 is missed; the fast-track window is closed by then", () => {
    const list = lawDeadlines(facts({ today: addDays(endOfWeek(start, 8), 1) }));
    expect(one(list, "dk.firstFollowUp")).toMatchObject({ status: "missed", doneOn: null });
    expect(one(list, "dk.fastTrack").status).toBe("closed");
    // The 4-week rhythm counts on from the missed date.
    expect(one(list, "dk.followUp")).toMatchObject({ due: addDays(endOfWeek(start, 8), 28), status: "upcoming" });
  });

  it("a gap of more than 4 weeks between conversations is one miss per 4 weeks; the next conversation restarts the clock", () => {
    const first = addDays(start, 20);
    const late = addDays(first, 70); // 10 weeks later
    const list = lawDeadlines(facts({ heldMeetings: [first, late], today: addDays(late, 1) }));
    const rhythm = byRule(list, "dk.followUp");
    expect(rhythm.map((d) => d.status)).toEqual(["missed", "missed", "met", "upcoming"]);
    expect(rhythm[0]!.due).toBe(addDays(first, 28));
    expect(rhythm[1]!.due).toBe(addDays(first, 56));
    expect(rhythm[2]).toMatchObject({ due: addDays(first, 84), doneOn: late });
    expect(rhythm[3]!.due).toBe(addDays(late, 28));
  });

  it("the reassessment is met by a meeting in weeks 19–22, late after, missed without", () => {
    const inWeek20 = addDays(start, 7 * 19 + 1);
    const after = addDays(endOfWeek(start, 22), 3);
    const today = addDays(after, 1);
    expect(one(lawDeadlines(facts({ heldMeetings: [inWeek20], today })), "dk.reassessment")).toMatchObject({
      status: "met",
      doneOn: inWeek20,
    });
    expect(one(lawDeadlines(facts({ heldMeetings: [after], today })), "dk.reassessment")).toMatchObject({ status: "late", doneOn: after });
    // A meeting in week 10 is not the reassessment.
    expect(one(lawDeadlines(facts({ heldMeetings: [addDays(start, 70)], today })), "dk.reassessment").status).toBe("missed");
  });

  it("ignores meetings held before the sick leave began", () => {
    const list = lawDeadlines(facts({ heldMeetings: [addDays(start, -3)], today: addDays(endOfWeek(start, 8), 1) }));
    expect(one(list, "dk.firstFollowUp").status).toBe("missed");
  });
});

describe("Norway (arbeidsmiljøloven, folketrygdloven)", () => {
  const no = (over: Partial<CaseFacts>) => lawDeadlines(facts({ country: "NO", ...over }));

  it("on the first day: the follow-up plan by week 4, dialogue meeting 1 by week 7, the activity requirement at week 8, dialogue meeting 2 by week 26", () => {
    const list = no({});
    expect(list.map((d) => [d.rule, d.due, d.status])).toEqual([
      ["no.followUpPlan", endOfWeek(start, 4), "upcoming"],
      ["no.dialogueMeeting1", endOfWeek(start, 7), "upcoming"],
      ["no.dialogueMeeting2", endOfWeek(start, 26), "upcoming"],
      ["no.activityRequirement", endOfWeek(start, 8), "upcoming"],
    ]);
    expect(list.every((d) => /lov/.test(d.source))).toBe(true);
  });

  it("a plan signed in week 3 meets the follow-up plan; one signed in week 6 is late", () => {
    const today = addDays(start, 60);
    expect(one(no({ signedPlans: [{ on: addDays(start, 17), hasActivity: false }], today }), "no.followUpPlan").status).toBe("met");
    expect(one(no({ signedPlans: [{ on: addDays(start, 38), hasActivity: false }], today }), "no.followUpPlan").status).toBe("late");
    expect(one(no({ today }), "no.followUpPlan").status).toBe("missed");
  });

  it("dialogue meeting 2 is a later meeting than dialogue meeting 1", () => {
    const m1 = addDays(start, 40);
    const m2 = addDays(start, 150);
    const onlyOne = no({ heldMeetings: [m1], today: addDays(endOfWeek(start, 26), 1) });
    expect(one(onlyOne, "no.dialogueMeeting1")).toMatchObject({ status: "met", doneOn: m1 });
    expect(one(onlyOne, "no.dialogueMeeting2").status).toBe("missed");
    expect(one(no({ heldMeetings: [m2, m1], today: addDays(m2, 1) }), "no.dialogueMeeting2")).toMatchObject({ status: "met", doneOn: m2 });
  });

  it("the activity requirement is met by a signed plan with an activity by week 8", () => {
    const today = addDays(endOfWeek(start, 8), 1);
    expect(one(no({ signedPlans: [{ on: addDays(start, 20), hasActivity: false }], today }), "no.activityRequirement").status).toBe(
      "missed",
    );
    expect(one(no({ signedPlans: [{ on: addDays(start, 50), hasActivity: true }], today }), "no.activityRequirement").status).toBe("met");
  });
});

describe("the work list's buckets", () => {
  it("due within the week from today: upcoming or open, today up to 6 days ahead", () => {
    const today = addDays(endOfWeek(start, 8), -6);
    const list = lawDeadlines(facts({ today }));
    expect(list.filter((d) => isDueWithinWeek(d, today)).map((d) => d.rule)).toEqual(["dk.firstFollowUp"]);
    expect(list.filter((d) => isDueWithinWeek(d, addDays(today, -1))).map((d) => d.rule)).toEqual([]);
  });
});
