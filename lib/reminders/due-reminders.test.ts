import { describe, expect, it } from "vitest";
import type { AgreementContent } from "../agreements/agreement-content";
import type { LawDeadline } from "../deadlines/law-deadlines";
import { zonedToInstant } from "../time/zoned";
import { dueReminders, type ReminderCase } from "./due-reminders";

const now = zonedToInstant("2026-03-10", "09:00");
const CW = "cw";
const EMP = "emp";
const MGR = "mgr";
const OBS = "obs";

function content(over: Partial<AgreementContent> = {}): AgreementContent {
  return {
    version: 1,
    preparedAt: "2026-02-01T10:00:00Z",
    meeting: { id: "m0", startsAt: "2026-02-01T10:00:00Z" },
    plan: { track: "employed", goal: "", goalTargetDate: null, step: null, subGoals: [], mixer: {}, tools: [] },
    actions: [],
    followUp: { howOften: "", jobCentre: "", nextMeetingAt: null },
    review: null,
    ...over,
  };
}

function kase(over: Partial<ReminderCase> = {}): ReminderCase {
  return {
    caseId: "case-1",
    participants: [
      { id: CW, role: "caseworker", email: "cw@x" },
      { id: EMP, role: "employee", email: "emp@x" },
      { id: MGR, role: "manager", email: "mgr@x" },
      { id: OBS, role: "observer", email: "obs@x" },
    ],
    meetings: [],
    binding: null,
    lastEntryOn: new Map(),
    mayRecord: (role) => role === "employee",
    deadlines: [],
    ...over,
  };
}

const action = (id: string, due: string | null, status = "open", owner = EMP) => ({
  id,
  text: "",
  owner: { participantId: owner, name: "", role: "employee" },
  due,
  status,
});

describe("the reminders due in a case", () => {
  it("a planned meeting tomorrow: everyone, once per meeting time; not a cancelled one, not one today", () => {
    const tomorrow = zonedToInstant("2026-03-11", "10:00");
    const list = dueReminders(
      kase({
        meetings: [
          { id: "m1", startsAt: tomorrow, status: "planned" },
          { id: "m2", startsAt: tomorrow, status: "cancelled" },
          { id: "m3", startsAt: zonedToInstant("2026-03-10", "13:00"), status: "planned" },
        ],
      }),
      now,
    );
    expect(list).toHaveLength(4);
    expect(list.every((r) => r.kind === "meeting" && r.subject === "m1" && r.occasion === tomorrow.toISOString())).toBe(true);
  });

  it("an action: its owner, once when due within 2 days, once when overdue; not when done or far off", () => {
    const binding = {
      sealedOn: "2026-02-01",
      content: content({
        actions: [
          action("soon", "2026-03-12"),
          action("late", "2026-03-01"),
          action("done", "2026-03-01", "done"),
          action("far", "2026-03-20"),
          action("today", "2026-03-10"),
          action("undated", null),
        ],
      }),
    };
    const list = dueReminders(kase({ binding }), now);
    expect(list).toEqual([
      { participantId: EMP, kind: "action", subject: "soon", occasion: "soon:2026-03-12" },
      { participantId: EMP, kind: "action", subject: "late", occasion: "overdue:2026-03-01" },
    ]);
  });

  it("a measure with a schedule: those who record it, once its next entry is due; none without a schedule", () => {
    const goal = (id: string, schedule: "weekly" | "biweekly" | null) => ({
      id,
      text: "",
      due: null,
      measure: { label: "", from: 1, target: 2, unit: "", schedule },
      activities: [],
    });
    const binding = {
      sealedOn: "2026-02-01",
      content: content({
        plan: { ...content().plan, subGoals: [goal("weekly", "weekly"), goal("biweekly", "biweekly"), goal("none", null)] },
      }),
    };
    const lastEntryOn = new Map([
      ["weekly", "2026-03-03"], // next 2026-03-10: due today
      ["biweekly", "2026-03-01"], // next 2026-03-15: not yet
      ["none", "2026-01-01"],
    ]);
    expect(dueReminders(kase({ binding, lastEntryOn }), now)).toEqual([
      { participantId: EMP, kind: "progress", subject: "weekly", occasion: "2026-03-10" },
    ]);
    // No entry yet: counted from the day the agreement was sealed.
    expect(dueReminders(kase({ binding }), now).map((r) => r.subject)).toEqual(["weekly", "biweekly"]);
  });

  it("the evaluation date: everyone but observers, the day before — unless a meeting that day is reminded", () => {
    const binding = {
      sealedOn: "2026-02-01",
      content: content({ followUp: { howOften: "", jobCentre: "", nextMeetingAt: "2026-03-11T10:00" } }),
    };
    const list = dueReminders(kase({ binding }), now);
    expect(list.map((r) => [r.participantId, r.kind, r.occasion])).toEqual([
      [CW, "evaluation", "2026-03-11"],
      [EMP, "evaluation", "2026-03-11"],
      [MGR, "evaluation", "2026-03-11"],
    ]);
    const meetings = [{ id: "m1", startsAt: zonedToInstant("2026-03-11", "10:00"), status: "planned" }];
    expect(dueReminders(kase({ binding, meetings }), now).filter((r) => r.kind === "evaluation")).toEqual([]);
  });

  it("the law's deadlines: the caseworker, once due within the week, once missed; not met or far-off ones", () => {
    const d = (rule: LawDeadline["rule"], due: string, status: LawDeadline["status"]): LawDeadline => ({
      rule,
      source: "",
      due,
      status,
      doneOn: null,
    });
    const deadlines = [
      d("dk.firstFollowUp", "2026-03-13", "upcoming"),
      d("dk.reassessment", "2026-03-01", "missed"),
      d("dk.followUp", "2026-03-12", "met"),
      d("no.dialogueMeeting2", "2026-06-01", "upcoming"),
    ];
    expect(dueReminders(kase({ deadlines }), now)).toEqual([
      { participantId: CW, kind: "deadline", subject: "case-1:dk.firstFollowUp:2026-03-13", occasion: "soon:2026-03-13" },
      { participantId: CW, kind: "deadline", subject: "case-1:dk.reassessment:2026-03-01", occasion: "missed:2026-03-01" },
    ]);
  });
});
