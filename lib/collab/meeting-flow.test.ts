import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "./init-meeting-doc";
import { addAgendaItem, readAgenda } from "./agenda";
import { addAction, actionText } from "./actions";
import { addSubGoal } from "./sub-goals";
import { setNextMeetingAt } from "./follow-up";
import { readMeetingDoc } from "./read-meeting-doc";
import {
  confirmClosing,
  coverAndAdvance,
  elapsedMs,
  overTimeMs,
  pauseTimer,
  readTimer,
  reopenClosing,
  setChair,
  setCurrentItem,
  setPhase,
  startTimer,
} from "./meeting-flow";
import { endRound, finishTurn, readRound, startRound, undoTurn } from "./flow-rounds";
import { clearConsent, setConsent } from "./flow-consent";
import { LOG_MAX, logChange, readFlowLog } from "./flow-log";
import { markSeen, readFlow } from "./flow-read";
import { closingCheck } from "./flow-closing";
import { catchUpSince, catchUpStart } from "./flow-catch-up";
import { flowSummaryText } from "./flow-schema";
import { AppError } from "../errors";

const CW = "11111111-1111-4111-8111-111111111111";
const EMP = "22222222-2222-4222-8222-222222222222";
const MGR = "33333333-3333-4333-8333-333333333333";
const OBS = "44444444-4444-4444-8444-444444444444";
const PEOPLE = [
  { id: CW, role: "caseworker" as const },
  { id: EMP, role: "employee" as const },
  { id: MGR, role: "manager" as const },
  { id: OBS, role: "observer" as const },
];

function newDoc(): Y.Doc {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  return doc;
}

/** Two replicas that exchange updates only when `sync()` is called. */
function pair(): { a: Y.Doc; b: Y.Doc; sync: () => void } {
  const a = newDoc();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

const at = (by: string, ms: number) => ({ by, at: ms });

describe("meeting flow: phase, chair, current item", () => {
  it("reads a document from before the flow existed as 'preparing' with no chair", () => {
    const f = readFlow(newDoc());
    expect(f).toMatchObject({ phase: "preparing", chairId: null, currentItemId: null, round: null, log: [], closed: null });
  });

  it("sets phase and chair and records who did it in the log", () => {
    const doc = newDoc();
    setChair(doc, MGR, at(CW, 1000));
    setPhase(doc, "opening", at(MGR, 2000));
    const f = readFlow(doc);
    expect(f.chairId).toBe(MGR);
    expect(f.phase).toBe("opening");
    expect(f.phaseSince).toEqual({ by: MGR, at: 2000 });
    expect(f.log.map((e) => [e.kind, e.by])).toEqual([
      ["chair", CW],
      ["phase", MGR],
    ]);
  });

  it("refuses an unknown phase, a missing actor and an unknown agenda item", () => {
    const doc = newDoc();
    expect(() => setPhase(doc, "party" as never, at(CW, 1))).toThrow(AppError);
    expect(() => setPhase(doc, "opening", at("", 1))).toThrow(/participant/);
    expect(() => setPhase(doc, "opening", at(CW, Number.NaN))).toThrow(/milliseconds/);
    expect(() => setCurrentItem(doc, "nope", at(CW, 1))).toThrow(/not in the document/);
  });

  it("moving to an item stops the previous item's clock and starts the new one's", () => {
    const doc = newDoc();
    const one = addAgendaItem(doc, { title: "Velkomst", minutes: 5 });
    const two = addAgendaItem(doc, { title: "Status", minutes: 10 });
    setCurrentItem(doc, one, at(CW, 10_000));
    expect(elapsedMs(readTimer(doc, one), 70_000)).toBe(60_000);
    setCurrentItem(doc, two, at(CW, 130_000));
    const t1 = readTimer(doc, one);
    expect(t1).toEqual({ startedAt: null, elapsedMs: 120_000 });
    expect(elapsedMs(t1, 999_999)).toBe(120_000);
    expect(readTimer(doc, two).startedAt).toBe(130_000);
    // Coming back resumes where it stopped.
    setCurrentItem(doc, one, at(CW, 200_000));
    expect(elapsedMs(readTimer(doc, one), 230_000)).toBe(150_000);
  });

  it("pauses and resumes a timer from timestamps, never below zero on a slow clock", () => {
    const doc = newDoc();
    const one = addAgendaItem(doc, { title: "Status", minutes: 1 });
    startTimer(doc, one, at(CW, 5_000));
    expect(elapsedMs(readTimer(doc, one), 4_000)).toBe(0);
    pauseTimer(doc, one, at(CW, 65_000));
    startTimer(doc, one, at(CW, 100_000));
    expect(elapsedMs(readTimer(doc, one), 110_000)).toBe(70_000);
  });

  it("says how far an item's clock is past its timebox, and nothing without a timebox", () => {
    const doc = newDoc();
    const one = addAgendaItem(doc, { title: "Status", minutes: 5 });
    startTimer(doc, one, at(CW, 0));
    const timer = readTimer(doc, one);
    expect(overTimeMs(timer, 5, 299_000)).toBe(0);
    expect(overTimeMs(timer, 5, 300_000)).toBe(0);
    expect(overTimeMs(timer, 5, 302_000)).toBe(2_000);
    pauseTimer(doc, one, at(CW, 330_000));
    // Paused over time: it stays as far over as it was, however long the pause.
    expect(overTimeMs(readTimer(doc, one), 5, 9_999_999)).toBe(30_000);
    expect(overTimeMs(timer, null, 9_999_999)).toBeNull();
  });

  it("covers the current item and moves on to the next one not yet covered", () => {
    const doc = newDoc();
    const [a, b, c] = ["A", "B", "C"].map((title) => addAgendaItem(doc, { title, minutes: 5 })) as [string, string, string];
    setCurrentItem(doc, a, at(CW, 1));
    expect(coverAndAdvance(doc, at(CW, 2))).toBe(b);
    expect(readAgenda(doc).find((i) => i.id === a)?.done).toBe(true);
    expect(coverAndAdvance(doc, at(CW, 3))).toBe(c);
    expect(coverAndAdvance(doc, at(CW, 4))).toBeNull();
    const f = readFlow(doc);
    expect(f.currentItemId).toBeNull();
    expect(Object.values(f.timers).every((t) => t.startedAt === null)).toBe(true);
    expect(f.log.filter((e) => e.kind === "covered").map((e) => e.ref)).toEqual([a, b, c]);
  });

  it("confirms and reopens the closing check", () => {
    const doc = newDoc();
    confirmClosing(doc, at(CW, 5));
    expect(readFlow(doc).closed).toEqual({ by: CW, at: 5 });
    reopenClosing(doc);
    expect(readFlow(doc).closed).toBeNull();
  });
});

describe("meeting flow: root types need no server and never conflict", () => {
  it("two clients who both write the running summary before they meet keep both texts", () => {
    const { a, b, sync } = pair();
    flowSummaryText(a).insert(0, "Lars: tasks exist. ");
    flowSummaryText(b).insert(0, "Kurt: mornings are hard. ");
    sync();
    const merged = flowSummaryText(a).toString();
    expect(merged).toContain("Lars: tasks exist.");
    expect(merged).toContain("Kurt: mornings are hard.");
    expect(flowSummaryText(b).toString()).toBe(merged);
  });

  it("people marking consent at the same moment keep each other's marks", () => {
    const { a, b, sync } = pair();
    const act = addAction(a, { text: "Aftale arbejdstider" });
    sync();
    setConsent(a, { kind: "action", itemId: act, participantId: EMP, value: "agree", itemText: "Aftale arbejdstider" }, at(EMP, 1));
    setConsent(
      b,
      {
        kind: "action",
        itemId: act,
        participantId: MGR,
        value: "reservations",
        comment: "Need to check rota",
        itemText: "Aftale arbejdstider",
      },
      at(MGR, 1),
    );
    sync();
    expect(Object.keys(readFlow(a).consent).sort()).toEqual([`action:${act}:${EMP}`, `action:${act}:${MGR}`]);
    expect(readFlow(b).consent).toEqual(readFlow(a).consent);
  });

  it("the speaker's 'I'm done' and the chair's 'next' at the same moment finish one turn, not two", () => {
    const { a, b, sync } = pair();
    const round = startRound(a, { topic: "Options at work", order: [EMP, MGR, CW] }, at(CW, 10));
    sync();
    finishTurn(a, round, EMP, at(CW, 20));
    finishTurn(b, round, EMP, at(EMP, 21));
    sync();
    expect(readRound(a)?.current).toBe(MGR);
    expect(readRound(b)?.current).toBe(MGR);
  });
});

describe("speaking rounds", () => {
  it("gives each a turn in order, shows who has spoken and ends", () => {
    const doc = newDoc();
    const id = startRound(doc, { topic: " Muligheder ", order: [EMP, MGR, EMP, CW] }, at(CW, 1));
    let r = readRound(doc)!;
    expect(r).toMatchObject({ id, topic: "Muligheder", order: [EMP, MGR, CW], current: EMP, endedAt: null });
    finishTurn(doc, id, EMP, at(EMP, 2));
    finishTurn(doc, id, MGR, at(CW, 3), { passed: true });
    r = readRound(doc)!;
    expect(r.current).toBe(CW);
    expect(r.turns[MGR]).toEqual({ by: CW, at: 3, passed: true });
    undoTurn(doc, id, MGR);
    expect(readRound(doc)!.current).toBe(MGR);
    endRound(doc, at(CW, 9));
    expect(readRound(doc)).toMatchObject({ endedAt: 9, current: null });
    expect(readFlowLog(doc).map((e) => e.kind)).toEqual(["round_started", "round_ended"]);
  });

  it("refuses an empty round, a too long topic, a stranger's turn and a finished round", () => {
    const doc = newDoc();
    expect(() => startRound(doc, { order: [] }, at(CW, 1))).toThrow(/at least one/);
    expect(() => startRound(doc, { topic: "x".repeat(201), order: [EMP] }, at(CW, 1))).toThrow(/too long/);
    const id = startRound(doc, { order: [EMP] }, at(CW, 1));
    expect(() => finishTurn(doc, id, MGR, at(CW, 2))).toThrow(/not a speaker/);
    expect(() => finishTurn(doc, "old-round", EMP, at(CW, 2))).toThrow(/no longer running/);
  });
});

describe("consent per item and the closing check", () => {
  function meeting() {
    const doc = newDoc();
    const sg = addSubGoal(doc, { text: "15 hours a week within 4 weeks" });
    const act = addAction(doc, { text: "Agree working hours" });
    setPhase(doc, "opening", at(CW, 100));
    for (const p of [CW, EMP, MGR, OBS]) markSeen(doc, p, 150);
    return { doc, sg, act };
  }
  const check = (doc: Y.Doc) => {
    const v = readMeetingDoc(doc);
    return closingCheck({
      actions: v.actions,
      subGoals: v.plan.subGoals,
      nextMeetingAt: v.followUp.nextMeetingAt,
      flow: readFlow(doc),
      participants: PEOPLE,
    });
  };
  const agreeAll = (doc: Y.Doc, sg: string, act: string) => {
    for (const p of [CW, EMP, MGR]) {
      setConsent(
        doc,
        { kind: "subGoal", itemId: sg, participantId: p, value: "agree", itemText: "15 hours a week within 4 weeks" },
        at(p, 200),
      );
      setConsent(
        doc,
        { kind: "action", itemId: act, participantId: p, value: "agree", itemText: actionText(doc, act).toString() },
        at(p, 200),
      );
    }
  };

  it("asks everyone who took part except observers, and is not ready before anyone marked", () => {
    const { doc } = meeting();
    const c = check(doc);
    expect(c.people.sort()).toEqual([CW, EMP, MGR].sort());
    expect(c.items.map((i) => i.kind)).toEqual(["subGoal", "action"]);
    expect(c.missing).toHaveLength(6);
    expect(c.ready).toBe(false);
  });

  it("does not ask someone who only looked before the meeting began", () => {
    const { doc } = meeting();
    const late = "55555555-5555-4555-8555-555555555555";
    markSeen(doc, late, 50);
    const v = readMeetingDoc(doc);
    const c = closingCheck({
      actions: v.actions,
      subGoals: v.plan.subGoals,
      nextMeetingAt: null,
      flow: readFlow(doc),
      participants: [...PEOPLE, { id: late, role: "union_rep" }],
    });
    expect(c.people).not.toContain(late);
  });

  it("names the items with reservations, and is ready once all agree and the next meeting is set", () => {
    const { doc, sg, act } = meeting();
    agreeAll(doc, sg, act);
    setConsent(
      doc,
      { kind: "action", itemId: act, participantId: MGR, value: "reservations", comment: "Rota first", itemText: "Agree working hours" },
      at(MGR, 300),
    );
    let c = check(doc);
    expect(c.reservations).toEqual([
      { item: { kind: "action", id: act, text: "Agree working hours" }, participantId: MGR, comment: "Rota first" },
    ]);
    expect(c.nextMeetingSet).toBe(false);
    expect(c.ready).toBe(false);
    setConsent(doc, { kind: "action", itemId: act, participantId: MGR, value: "agree", itemText: "Agree working hours" }, at(MGR, 400));
    setNextMeetingAt(doc, "2030-01-10T10:00");
    c = check(doc);
    expect(c.reservations).toEqual([]);
    expect(c.ready).toBe(true);
  });

  it("asks again when an item's text changed after someone agreed", () => {
    const { doc, sg, act } = meeting();
    agreeAll(doc, sg, act);
    setNextMeetingAt(doc, "2030-01-10T10:00");
    expect(check(doc).ready).toBe(true);
    actionText(doc, act).insert(0, "Together: ");
    const c = check(doc);
    expect(c.ready).toBe(false);
    expect(c.missing.every((m) => m.changed && m.item.id === act)).toBe(true);
    expect(c.missing).toHaveLength(3);
  });

  it("refuses a too long comment and an unknown value; clears a mark", () => {
    const { doc, act } = meeting();
    expect(() =>
      setConsent(
        doc,
        { kind: "action", itemId: act, participantId: EMP, value: "agree", comment: "x".repeat(281), itemText: "" },
        at(EMP, 1),
      ),
    ).toThrow(/at most/);
    expect(() =>
      setConsent(doc, { kind: "action", itemId: act, participantId: EMP, value: "maybe" as never, itemText: "" }, at(EMP, 1)),
    ).toThrow(AppError);
    setConsent(doc, { kind: "action", itemId: act, participantId: EMP, value: "agree", itemText: "" }, at(EMP, 1));
    clearConsent(doc, "action", act, EMP);
    expect(readFlow(doc).consent).toEqual({});
  });
});

describe("catching up", () => {
  it("tells a late joiner what others covered and added since the meeting began", () => {
    const doc = newDoc();
    const item = addAgendaItem(doc, { title: "Status", minutes: 5 });
    setPhase(doc, "opening", at(CW, 1_000));
    setCurrentItem(doc, item, at(CW, 1_100));
    coverAndAdvance(doc, at(CW, 2_000));
    logChange(doc, { kind: "action_added", by: MGR, at: 2_500, ref: "a1" });
    logChange(doc, { kind: "action_added", by: EMP, at: 2_600, ref: "a2" });
    const flow = readFlow(doc);
    const since = catchUpStart({ log: flow.log, lastSeen: undefined });
    expect(since).toBe(999);
    const c = catchUpSince(flow.log, since!, EMP);
    expect(c.phase).toBe("opening");
    expect(c.covered.map((e) => e.ref)).toEqual([item]);
    expect(c.added.map((e) => [e.ref, e.by])).toEqual([["a1", MGR]]);
    expect(c.by.sort()).toEqual([CW, MGR].sort());
  });

  it("starts from the person's last heartbeat, and has nothing before the meeting began", () => {
    const doc = newDoc();
    expect(catchUpStart({ log: readFlow(doc).log, lastSeen: 5 })).toBeNull();
    setPhase(doc, "opening", at(CW, 1_000));
    logChange(doc, { kind: "subgoal_added", by: CW, at: 3_000, ref: "s1" });
    const log = readFlow(doc).log;
    expect(catchUpStart({ log, lastSeen: 4_000 })).toBe(4_000);
    expect(catchUpSince(log, 4_000, EMP).empty).toBe(true);
    expect(catchUpSince(log, 2_000, EMP).added).toHaveLength(1);
  });

  it("keeps the log short and skips malformed entries", () => {
    const doc = newDoc();
    for (let i = 0; i < LOG_MAX + 20; i++) logChange(doc, { kind: "agenda_added", by: CW, at: i, ref: `i${i}` });
    doc.getArray("flowLog").push([{ kind: "nonsense" }, 42]);
    const log = readFlowLog(doc);
    expect(log.length).toBeLessThanOrEqual(LOG_MAX);
    expect(log.at(-1)?.ref).toBe(`i${LOG_MAX + 19}`);
    expect(() => logChange(doc, { kind: "oops" as never, by: CW, at: 1 })).toThrow(AppError);
  });

  it("a heartbeat only moves forward", () => {
    const doc = newDoc();
    markSeen(doc, EMP, 100);
    markSeen(doc, EMP, 50);
    expect(readFlow(doc).seen).toEqual({ [EMP]: 100 });
  });
});
