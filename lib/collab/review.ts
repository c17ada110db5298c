import * as Y from "yjs";
import { AppError } from "../errors";
import { ordered } from "./order";
import { findById, numOrNull, str, strOrNull, textOf, plain } from "./values";

/**
 * The review of the last binding agreement, in a follow-up meeting's shared document (root
 * `review`, see docs/collab-schema.md). The server creates it once, when the meeting is created
 * from the agreement (lib/followup/carry-forward.ts); clients only set outcomes and type comments.
 * Each item belongs to one agenda item (`agendaItemId`), where the room shows its controls.
 */
export const REVIEW_ROOT = "review";

export const REVIEW_KINDS = ["action", "subGoal"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** An agreed action: done, slipped (late, still wanted) or dropped. */
export const ACTION_OUTCOMES = ["done", "slipped", "dropped"] as const;
/** A sub-goal: on track or not, judged together in the meeting. */
export const SUBGOAL_OUTCOMES = ["on_track", "not_on_track"] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];
export type SubGoalOutcome = (typeof SUBGOAL_OUTCOMES)[number];
export type ReviewOutcome = ActionOutcome | SubGoalOutcome;

export const REVIEW_COMMENT_MAX = 1000;

export type ReviewBasis = { agreementId: string; version: number; fingerprint: string };

export type ReviewItemView = {
  id: string;
  kind: ReviewKind;
  /** The action's or sub-goal's id in the basis agreement. */
  refId: string;
  /** Its text as agreed (frozen when the meeting was created). */
  text: string;
  agendaItemId: string | null;
  outcome: ReviewOutcome | null;
  comment: string;
};

export type ReviewView = { basis: ReviewBasis; items: ReviewItemView[] };

export type NewReviewItem = { id: string; kind: ReviewKind; refId: string; text: string; agendaItemId: string | null };

export function reviewMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(REVIEW_ROOT);
}

function itemsOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  const a = reviewMap(doc).get("items");
  if (!(a instanceof Y.Array)) throw new AppError("NOT_FOUND", "this meeting has no review");
  return a as Y.Array<Y.Map<unknown>>;
}

export function outcomesFor(kind: ReviewKind): readonly ReviewOutcome[] {
  return kind === "action" ? ACTION_OUTCOMES : SUBGOAL_OUTCOMES;
}

/** Server side, once, when the follow-up meeting is created: the basis and one item per action and sub-goal. */
export function initReview(doc: Y.Doc, basis: ReviewBasis, items: NewReviewItem[]): void {
  doc.transact(() => {
    const root = reviewMap(doc);
    if (root.get("items") !== undefined) throw new AppError("CONFLICT", "the review exists already");
    root.set("agreementId", basis.agreementId);
    root.set("version", basis.version);
    root.set("fingerprint", basis.fingerprint);
    const arr = new Y.Array<Y.Map<unknown>>();
    root.set("items", arr);
    arr.push(
      items.map((it, i) => {
        const m = new Y.Map<unknown>();
        m.set("id", it.id);
        m.set("kind", it.kind);
        m.set("refId", it.refId);
        m.set("text", it.text);
        m.set("agendaItemId", it.agendaItemId);
        m.set("outcome", null);
        m.set("comment", new Y.Text());
        m.set("pos", i + 1);
        return m;
      }),
    );
  });
}

export function hasReview(doc: Y.Doc): boolean {
  return reviewMap(doc).get("items") instanceof Y.Array;
}

/** Set (or clear, with null) what the meeting found; the value must fit the item's kind. */
export function setReviewOutcome(doc: Y.Doc, id: string, outcome: ReviewOutcome | null): void {
  doc.transact(() => {
    const { map } = findById(itemsOf(doc), id, "review item");
    const kind = map.get("kind") === "action" ? "action" : "subGoal";
    if (outcome !== null && !outcomesFor(kind).includes(outcome)) {
      throw new AppError("INVALID_INPUT", `${outcome} is not an outcome of a ${kind}`, { outcome: "enum" });
    }
    map.set("outcome", outcome);
  });
}

export function reviewCommentText(doc: Y.Doc, id: string): Y.Text {
  return textOf(findById(itemsOf(doc), id, "review item").map, "comment");
}

function isKind(v: unknown): v is ReviewKind {
  return typeof v === "string" && (REVIEW_KINDS as readonly string[]).includes(v);
}

/** The review as plain data, or null for a meeting that does not follow up an agreement. */
export function readReview(doc: Y.Doc): ReviewView | null {
  const root = reviewMap(doc);
  const raw = root.get("items");
  if (!(raw instanceof Y.Array)) return null;
  const items = ordered(raw as Y.Array<Y.Map<unknown>>).flatMap(({ map }) => {
    const kind = map.get("kind");
    if (!isKind(kind)) return [];
    const outcome = map.get("outcome");
    return [
      {
        id: plain(map.get("id")),
        kind,
        refId: plain(map.get("refId")),
        text: str(map.get("text")),
        agendaItemId: strOrNull(map.get("agendaItemId")),
        outcome: outcomesFor(kind).includes(outcome as ReviewOutcome) ? (outcome as ReviewOutcome) : null,
        comment: str(map.get("comment")),
      },
    ];
  });
  return {
    basis: {
      agreementId: plain(root.get("agreementId")),
      version: numOrNull(root.get("version")) ?? 0,
      fingerprint: plain(root.get("fingerprint")),
    },
    items,
  };
}
