import { TRACKS } from "../plan/track";
import { MIXER_DIMENSIONS, MIXER_MAX, MIXER_MIN } from "../plan/mixer-desk";
import { PLAN_TOOLS } from "../plan/tools";
import { MEASURE_SCHEDULES } from "../plan/measure-schedule";
import { ACTION_STATUSES } from "./schema";
import { ACTION_OUTCOMES, REVIEW_KINDS, SUBGOAL_OUTCOMES } from "./review";
import { MAY_SHARE, PREP_NOTE_GROUPS } from "./prep-schema";
import { parseDocName } from "./doc-names";
import { MEASURE_STATUSES, TASK_ADAPTATIONS, TASK_JUDGED_BY, TASK_JUDGEMENTS, TRIED_KINDS } from "../plan/follow-up-plan-terms";
import {
  array,
  bool,
  id,
  isoDate,
  json,
  localDateTime,
  map,
  nullable,
  num,
  oneOf,
  richText,
  str,
  text,
  type DocSchema,
  type FieldSpec,
} from "./schema-kit";

/**
 * THE shape of the shared meeting document and of the private preparation document, as the server
 * enforces it on every update (server/collab/room.ts through lib/collab/update-shape.ts) and as
 * docs/collab-schema.md describes it (doc-schema.test.ts keeps the two in step).
 *
 * Adding a key is one line in the map it belongs to, e.g. a flag on sub-goals:
 *     healthMeasure: bool(),
 * in SUB_GOAL below (a text: `note: text(LONG)`, a choice: `kind: oneOf(KINDS)`, a number or
 * nothing: `hours: nullable(num({ min: 0, max: 60 }))`). A key missing here is refused by the
 * server: the sender is closed 4422 and nothing is stored. A new key inside the meeting flow's
 * JSON values needs nothing: those are `json()` (size-capped; the readers check their shape).
 */

/** Maximum nesting of elements in a rich-text note (a list inside a list item is 2 levels). */
export const NOTE_MAX_DEPTH = 32;

// Hard ceilings per text, far above what the UI lets one person type (see schema-kit.ts).
const SHORT = 2_000;
const LONG = 20_000;
const VERY_LONG = 100_000;

const STEP = nullable(num({ integer: true, min: 1, max: 4 }));
const POS = num();

const ACTIVITY = map({
  id: id(),
  text: text(LONG),
  who: text(SHORT),
  schedule: text(SHORT),
  // Picked from the activity catalogue: one small JSON value (lib/plan/activity-catalogue.ts checks it).
  catalogue: json({ maxChars: 1_000, maxDepth: 1 }),
  pos: POS,
});

const SUB_GOAL = map({
  id: id(),
  text: text(LONG),
  due: nullable(isoDate()),
  measureLabel: text(SHORT),
  measureFrom: nullable(num({ min: -100_000, max: 100_000 })),
  measureTarget: nullable(num({ min: -100_000, max: 100_000 })),
  measureUnit: text(SHORT),
  measureSchedule: nullable(oneOf(MEASURE_SCHEDULES)),
  activities: array(ACTIVITY, { max: 200 }),
  pos: POS,
});

const AGENDA_ITEM = map({
  id: id(),
  title: text(SHORT),
  minutes: nullable(num({ integer: true, min: 1, max: 480 })),
  done: bool(),
  notes: richText({ maxDepth: NOTE_MAX_DEPTH }),
  pos: POS,
});

const ACTION = map({
  id: id(),
  text: text(LONG),
  owner: nullable(str({ max: 200 })),
  due: nullable(isoDate()),
  status: oneOf(ACTION_STATUSES),
  pos: POS,
});

const REVIEW_ITEM = map({
  id: id(),
  kind: oneOf(REVIEW_KINDS),
  refId: id(),
  text: str({ max: LONG }),
  agendaItemId: nullable(id()),
  outcome: nullable(oneOf([...ACTION_OUTCOMES, ...SUBGOAL_OUTCOMES])),
  comment: text(SHORT * 5),
  pos: POS,
});

// NAV's follow-up plan (follow-up-plan.ts): roots, so that an older document needs no migration.
const WORK_TASK = map({
  id: id(),
  text: text(SHORT),
  judgement: nullable(oneOf(TASK_JUDGEMENTS)),
  ...Object.fromEntries(TASK_ADAPTATIONS.map((a) => [a, bool()])),
  adaptationNote: text(SHORT),
  judgedBy: nullable(oneOf(TASK_JUDGED_BY)),
  pos: POS,
});

const NAV_MEASURE = map({
  id: id(),
  text: text(SHORT),
  status: oneOf(MEASURE_STATUSES),
  from: nullable(isoDate()),
  to: nullable(isoDate()),
  how: text(SHORT * 5),
  pos: POS,
});

const TRIED_MEASURE = map({
  id: id(),
  text: text(SHORT),
  kind: oneOf(TRIED_KINDS),
  whyNot: text(SHORT * 5),
  pos: POS,
});

const fromList = (keys: readonly string[], spec: FieldSpec): Record<string, FieldSpec> => Object.fromEntries(keys.map((k) => [k, spec]));

/** Keys made of ids (`timer:<itemId>`, a participant id …): bounded, no line breaks. */
const idKey = (prefix: string) => new RegExp(`^${prefix}[^\\n]{1,400}$`);

export const MEETING_DOC_SCHEMA: DocSchema = {
  name: "meeting",
  roots: {
    meta: map({ schemaVersion: num({ integer: true, min: 0, max: 1_000 }) }),
    agenda: array(AGENDA_ITEM, { max: 500 }),
    plan: map({
      track: oneOf(TRACKS),
      goal: text(LONG),
      goalTargetDate: nullable(isoDate()),
      step: STEP,
      subGoals: array(SUB_GOAL, { max: 200 }),
      mixer: map(fromList(MIXER_DIMENSIONS, num({ integer: true, min: MIXER_MIN, max: MIXER_MAX }))),
      tools: map(fromList(PLAN_TOOLS, bool())),
    }),
    actions: array(ACTION, { max: 1_000 }),
    workTasks: array(WORK_TASK, { max: 200 }),
    navMeasures: array(NAV_MEASURE, { max: 200 }),
    triedMeasures: array(TRIED_MEASURE, { max: 200 }),
    navPlan: map({
      evaluationDate: nullable(isoDate()),
      employeeContributed: nullable(bool()),
      notContributedReason: str({ max: SHORT }),
      shareWithNav: bool(),
      shareWithDoctor: bool(),
    }),
    // A tool's details and the hours ramp: one small JSON value each (lib/plan/tool-detail.ts, hours-ramp.ts check them).
    toolDetails: map(fromList(PLAN_TOOLS, json({ maxChars: 4_000, maxDepth: 2 }))),
    hoursRamp: map({ ramp: json({ maxChars: 4_000, maxDepth: 3 }) }),
    followUp: map({
      howOften: text(LONG),
      jobCentre: text(LONG),
      nextMeetingAt: nullable(localDateTime()),
    }),
    review: map({
      agreementId: id(),
      version: num({ integer: true, min: 0, max: 1_000_000 }),
      fingerprint: str({ max: 200 }),
      items: array(REVIEW_ITEM, { max: 2_000 }),
    }),
    // The meeting flow: plain JSON values under their own keys (flow-schema.ts); readers check them.
    flow: map(
      { phase: json(), chair: json(), current: json(), closed: json(), round: json({ maxChars: 20_000 }) },
      {
        patterns: [
          [idKey("timer:"), json()],
          [idKey("turn:"), json()],
        ],
      },
    ),
    flowSummary: text(VERY_LONG),
    // A mark carries up to CONSENT_HISTORY_MAX earlier marks with their comments (escaped, ~14 KB at worst).
    flowConsent: map({}, { patterns: [[/^[A-Za-z][A-Za-z0-9_-]{0,39}:[^\n]{1,400}$/, json({ maxChars: 32_000 })]] }),
    flowLog: array(json({ maxChars: 1_000 }), { max: 5_000 }),
    flowSeen: map({}, { patterns: [[idKey(""), num()]] }),
    // The diagnosis guard's "leave it": a hash of the sentence (never its text) → who and when.
    guardKept: map({}, { patterns: [[/^[0-9a-f]{16}$/, json({ maxChars: 200 })]] }),
  },
};

export const PREP_DOC_SCHEMA: DocSchema = {
  name: "prep",
  roots: {
    meta: map({ schemaVersion: num({ integer: true, min: 0, max: 1_000 }), kind: oneOf(["prep"]) }),
    notes: map(fromList(PREP_NOTE_GROUPS, text(VERY_LONG))),
    sharing: array(
      map({
        id: id(),
        text: text(LONG),
        mayShare: oneOf(MAY_SHARE),
        whoSays: nullable(str({ max: SHORT })),
        pos: POS,
      }),
      { max: 1_000 },
    ),
  },
};

/** The schema a collaboration document must keep, by its name (`meeting-…`, `prep-…`); null for no known kind. */
export function schemaForDoc(name: string): DocSchema | null {
  const ref = parseDocName(name);
  if (!ref) return null;
  return ref.kind === "meeting" ? MEETING_DOC_SCHEMA : PREP_DOC_SCHEMA;
}
