import * as Y from "yjs";
import { navMeasuresArray, navPlanMap, triedMeasuresArray, workTasksArray } from "./schema";
import { checkDate, findById, newId, plain, str, strOrNull, textOf } from "./values";
import { ordered, posAtEnd } from "./order";
import { checkTextLength, type TextLimitKey } from "./text-limits";
import { AppError } from "../errors";
import {
  isMeasureStatus,
  isTaskAdaptation,
  isTaskJudgedBy,
  isTaskJudgement,
  isTriedKind,
  TASK_ADAPTATIONS,
  type MeasureStatus,
  type TaskAdaptation,
  type TaskJudgedBy,
  type TaskJudgement,
  type TriedKind,
} from "../plan/follow-up-plan-terms";
import type { FollowUpPlan, NavMeasure, NavPlanFacts, TriedMeasure, WorkTask } from "../plan/follow-up-plan";

/**
 * NAV's follow-up plan in the shared document (docs/collab-schema.md): the employee's work tasks
 * (`workTasks`), the measures (`navMeasures`), the measures the employer tried or evaluated
 * (`triedMeasures`) and the plan's facts (`navPlan`). Shown on a Norwegian case; nothing here is
 * about health, so every participant sees it.
 */

/** The plan's three lists of items. */
export type FollowUpPlanList = "workTasks" | "navMeasures" | "triedMeasures";
type Which = FollowUpPlanList;
const ARRAYS: Record<Which, (doc: Y.Doc) => Y.Array<Y.Map<unknown>>> = {
  workTasks: workTasksArray,
  navMeasures: navMeasuresArray,
  triedMeasures: triedMeasuresArray,
};

function push(doc: Y.Doc, which: Which, fill: (m: Y.Map<unknown>) => void, id?: string): string {
  const itemId = id ?? newId();
  doc.transact(() => {
    const arr = ARRAYS[which](doc);
    const m = new Y.Map<unknown>();
    m.set("id", itemId);
    fill(m);
    m.set("pos", posAtEnd(arr));
    arr.push([m]);
  });
  return itemId;
}

function item(doc: Y.Doc, which: Which, id: string): Y.Map<unknown> {
  return findById(ARRAYS[which](doc), id, which).map;
}

/** Remove an item from one of the three lists. */
export function removeFollowUpPlanItem(doc: Y.Doc, which: Which, id: string): void {
  doc.transact(() => {
    const arr = ARRAYS[which](doc);
    arr.delete(findById(arr, id, which).index, 1);
  });
}

/** A shared text of an item, for the room's fields. */
export function followUpPlanText(doc: Y.Doc, which: Which, id: string, key: string): Y.Text {
  return textOf(item(doc, which, id), key);
}

const text = (field: string, limit: TextLimitKey, v: string | undefined) => new Y.Text(checkTextLength(field, limit, v ?? ""));

// ---- work tasks ----

export type NewWorkTask = {
  text: string;
  judgement?: TaskJudgement | null;
  adaptations?: TaskAdaptation[];
  adaptationNote?: string;
  judgedBy?: TaskJudgedBy | null;
  id?: string;
};

export function addWorkTask(doc: Y.Doc, input: NewWorkTask): string {
  const judgement = input.judgement ?? null;
  if (judgement !== null && !isTaskJudgement(judgement)) throw new AppError("INVALID_INPUT", "unknown judgement", { judgement: "enum" });
  const judgedBy = input.judgedBy ?? null;
  if (judgedBy !== null && !isTaskJudgedBy(judgedBy)) throw new AppError("INVALID_INPUT", "unknown judge", { judgedBy: "enum" });
  const adaptations = input.adaptations ?? [];
  if (!adaptations.every(isTaskAdaptation)) throw new AppError("INVALID_INPUT", "unknown adaptation", { adaptations: "enum" });
  const t = text("text", "workTaskText", input.text);
  const note = text("adaptationNote", "workTaskNote", input.adaptationNote);
  return push(
    doc,
    "workTasks",
    (m) => {
      m.set("text", t);
      m.set("judgement", judgement);
      for (const a of TASK_ADAPTATIONS) m.set(a, adaptations.includes(a));
      m.set("adaptationNote", note);
      m.set("judgedBy", judgedBy);
    },
    input.id,
  );
}

export function setTaskJudgement(doc: Y.Doc, id: string, judgement: TaskJudgement | null): void {
  if (judgement !== null && !isTaskJudgement(judgement)) throw new AppError("INVALID_INPUT", "unknown judgement", { judgement: "enum" });
  doc.transact(() => item(doc, "workTasks", id).set("judgement", judgement));
}

export function setTaskAdaptation(doc: Y.Doc, id: string, adaptation: TaskAdaptation, on: boolean): void {
  if (!isTaskAdaptation(adaptation)) throw new AppError("INVALID_INPUT", "unknown adaptation", { adaptation: "enum" });
  doc.transact(() => item(doc, "workTasks", id).set(adaptation, on === true));
}

export function setTaskJudgedBy(doc: Y.Doc, id: string, judgedBy: TaskJudgedBy | null): void {
  if (judgedBy !== null && !isTaskJudgedBy(judgedBy)) throw new AppError("INVALID_INPUT", "unknown judge", { judgedBy: "enum" });
  doc.transact(() => item(doc, "workTasks", id).set("judgedBy", judgedBy));
}

// ---- measures (tiltak) ----

export type NewNavMeasure = { text: string; status?: MeasureStatus; from?: string | null; to?: string | null; how?: string; id?: string };

function checkPeriod(from: string | null, to: string | null): void {
  if (from && to && to < from) throw new AppError("INVALID_INPUT", "the period ends before it starts", { to: "before_from" });
}

export function addNavMeasure(doc: Y.Doc, input: NewNavMeasure): string {
  const status = input.status ?? "proposed";
  if (!isMeasureStatus(status)) throw new AppError("INVALID_INPUT", "unknown measure status", { status: "enum" });
  const from = checkDate("from", input.from ?? null);
  const to = checkDate("to", input.to ?? null);
  checkPeriod(from, to);
  const t = text("text", "navMeasureText", input.text);
  const how = text("how", "navMeasureHow", input.how);
  return push(
    doc,
    "navMeasures",
    (m) => {
      m.set("text", t);
      m.set("status", status);
      m.set("from", from);
      m.set("to", to);
      m.set("how", how);
    },
    input.id,
  );
}

export function setNavMeasureStatus(doc: Y.Doc, id: string, status: MeasureStatus): void {
  if (!isMeasureStatus(status)) throw new AppError("INVALID_INPUT", "unknown measure status", { status: "enum" });
  doc.transact(() => item(doc, "navMeasures", id).set("status", status));
}

/** Set a measure's period; `to` may not come before `from`. */
export function setNavMeasurePeriod(doc: Y.Doc, id: string, period: { from: string | null; to: string | null }): void {
  const from = checkDate("from", period.from);
  const to = checkDate("to", period.to);
  checkPeriod(from, to);
  doc.transact(() => {
    const m = item(doc, "navMeasures", id);
    m.set("from", from);
    m.set("to", to);
  });
}

// ---- measures tried or evaluated ----

export type NewTriedMeasure = { text: string; kind?: TriedKind; whyNot?: string; id?: string };

export function addTriedMeasure(doc: Y.Doc, input: NewTriedMeasure): string {
  const kind = input.kind ?? "tried";
  if (!isTriedKind(kind)) throw new AppError("INVALID_INPUT", "unknown kind", { kind: "enum" });
  const t = text("text", "navMeasureText", input.text);
  const why = text("whyNot", "triedWhyNot", input.whyNot);
  return push(
    doc,
    "triedMeasures",
    (m) => {
      m.set("text", t);
      m.set("kind", kind);
      m.set("whyNot", why);
    },
    input.id,
  );
}

export function setTriedKind(doc: Y.Doc, id: string, kind: TriedKind): void {
  if (!isTriedKind(kind)) throw new AppError("INVALID_INPUT", "unknown kind", { kind: "enum" });
  doc.transact(() => item(doc, "triedMeasures", id).set("kind", kind));
}

// ---- the plan's facts ----

export const NOT_CONTRIBUTED_REASON_MAX = 1_000;

/** Set some of the plan's facts; a date must be real, a reason at most NOT_CONTRIBUTED_REASON_MAX characters. */
export function setNavPlanFacts(doc: Y.Doc, facts: Partial<NavPlanFacts>): void {
  const date = facts.evaluationDate === undefined ? undefined : checkDate("evaluationDate", facts.evaluationDate);
  if (facts.notContributedReason !== undefined && facts.notContributedReason.length > NOT_CONTRIBUTED_REASON_MAX) {
    throw new AppError("INVALID_INPUT", "the reason is too long", { notContributedReason: "too_long" });
  }
  if (facts.employeeContributed !== undefined && facts.employeeContributed !== null && typeof facts.employeeContributed !== "boolean") {
    throw new AppError("INVALID_INPUT", "employeeContributed is yes, no or not answered", { employeeContributed: "enum" });
  }
  doc.transact(() => {
    const m = navPlanMap(doc);
    if (date !== undefined) m.set("evaluationDate", date);
    if (facts.employeeContributed !== undefined) m.set("employeeContributed", facts.employeeContributed);
    if (facts.notContributedReason !== undefined) m.set("notContributedReason", facts.notContributedReason);
    if (facts.shareWithNav !== undefined) m.set("shareWithNav", facts.shareWithNav === true);
    if (facts.shareWithDoctor !== undefined) m.set("shareWithDoctor", facts.shareWithDoctor === true);
  });
}

// ---- reading ----

/** The whole follow-up plan as plain data; a value of the wrong type reads as missing. */
export function readFollowUpPlan(doc: Y.Doc): FollowUpPlan {
  const workTasks: WorkTask[] = ordered(workTasksArray(doc)).map(({ map }) => {
    const judgement = map.get("judgement");
    const judgedBy = map.get("judgedBy");
    return {
      id: plain(map.get("id")),
      text: str(map.get("text")),
      judgement: isTaskJudgement(judgement) ? judgement : null,
      adaptations: TASK_ADAPTATIONS.filter((a) => map.get(a) === true),
      adaptationNote: str(map.get("adaptationNote")),
      judgedBy: isTaskJudgedBy(judgedBy) ? judgedBy : null,
    };
  });
  const measures: NavMeasure[] = ordered(navMeasuresArray(doc)).map(({ map }) => {
    const status = map.get("status");
    return {
      id: plain(map.get("id")),
      text: str(map.get("text")),
      status: isMeasureStatus(status) ? status : "proposed",
      from: strOrNull(map.get("from")),
      to: strOrNull(map.get("to")),
      how: str(map.get("how")),
    };
  });
  const tried: TriedMeasure[] = ordered(triedMeasuresArray(doc)).map(({ map }) => {
    const kind = map.get("kind");
    return {
      id: plain(map.get("id")),
      text: str(map.get("text")),
      kind: isTriedKind(kind) ? kind : "tried",
      whyNot: str(map.get("whyNot")),
    };
  });
  const f = navPlanMap(doc);
  const contributed = f.get("employeeContributed");
  return {
    workTasks,
    measures,
    tried,
    facts: {
      evaluationDate: strOrNull(f.get("evaluationDate")),
      employeeContributed: typeof contributed === "boolean" ? contributed : null,
      notContributedReason: plain(f.get("notContributedReason")),
      shareWithNav: f.get("shareWithNav") === true,
      shareWithDoctor: f.get("shareWithDoctor") === true,
    },
  };
}
