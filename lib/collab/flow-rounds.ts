import type * as Y from "yjs";
import { AppError } from "../errors";
import { newId } from "./values";
import { checkStamp, logChange } from "./flow-log";
import type { Actor } from "./meeting-flow";
import { ROUND_TOPIC_MAX, flowMap, type Millis, type RoundView, type TurnView } from "./flow-schema";

/**
 * Speaking rounds (the guide's "work in rounds where everyone gets to speak"): each participant a
 * turn, in order; the room sees whose turn it is and who has spoken. The round itself is one JSON
 * value (the chair starts and ends it); each turn is its own key `turn:<roundId>:<participantId>`,
 * so the speaker saying "I'm done" and the chair pressing "next" at the same moment never undo each
 * other — both write the same turn, and whose turn it is is derived, not stored.
 */
const TURN_PREFIX = "turn:";
const MAX_SPEAKERS = 50;

export type NewRound = { topic?: string; order: readonly string[]; id?: string };

export function startRound(doc: Y.Doc, input: NewRound, actor: Actor): string {
  checkStamp(actor.by, actor.at);
  const topic = (input.topic ?? "").trim();
  if (topic.length > ROUND_TOPIC_MAX) throw new AppError("INVALID_INPUT", "the round's topic is too long", { topic: "too_long" });
  const order = [...new Set(input.order)];
  if (order.length === 0) throw new AppError("INVALID_INPUT", "a round needs at least one speaker", { order: "required" });
  if (order.length > MAX_SPEAKERS || order.some((p) => typeof p !== "string" || p.length === 0 || p.length > 200)) {
    throw new AppError("INVALID_INPUT", "the speakers must be participant ids", { order: "invalid" });
  }
  const id = input.id ?? newId();
  doc.transact(() => {
    flowMap(doc).set("round", { id, topic, order, startedAt: actor.at, startedBy: actor.by, endedAt: null });
    logChange(doc, { kind: "round_started", by: actor.by, at: actor.at, ref: id });
  });
  return id;
}

/** The speaker has had their turn (`passed`: they chose not to speak, or were not there). */
export function finishTurn(doc: Y.Doc, roundId: string, participantId: string, actor: Actor, opts: { passed?: boolean } = {}): void {
  checkStamp(actor.by, actor.at);
  const round = readRound(doc);
  if (!round || round.id !== roundId) throw new AppError("CONFLICT", "that round is no longer running");
  if (!round.order.includes(participantId))
    throw new AppError("INVALID_INPUT", "not a speaker in this round", { participantId: "unknown" });
  doc.transact(() => {
    flowMap(doc).set(`${TURN_PREFIX}${roundId}:${participantId}`, { at: actor.at, by: actor.by, passed: opts.passed === true });
  });
}

/** Give a speaker their turn back (pressed "next" too early). */
export function undoTurn(doc: Y.Doc, roundId: string, participantId: string): void {
  doc.transact(() => flowMap(doc).delete(`${TURN_PREFIX}${roundId}:${participantId}`));
}

export function endRound(doc: Y.Doc, actor: Actor): void {
  checkStamp(actor.by, actor.at);
  const raw = flowMap(doc).get("round");
  if (!raw || typeof raw !== "object") return;
  doc.transact(() => {
    const r = raw as Record<string, unknown>;
    flowMap(doc).set("round", { ...r, endedAt: actor.at });
    logChange(doc, { kind: "round_ended", by: actor.by, at: actor.at, ref: typeof r.id === "string" ? r.id : null });
  });
}

function parseTurn(v: unknown): TurnView | null {
  if (!v || typeof v !== "object") return null;
  const t = v as Record<string, unknown>;
  if (typeof t.at !== "number" || typeof t.by !== "string") return null;
  return { at: t.at, by: t.by, passed: t.passed === true };
}

/** The current (or last) round with its turns, or null when none was ever started. */
export function readRound(doc: Y.Doc): RoundView | null {
  const map = flowMap(doc);
  const raw = map.get("round");
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== "string" || !Array.isArray(r.order) || typeof r.startedAt !== "number") return null;
  const order = r.order.filter((p): p is string => typeof p === "string");
  const turns: Record<string, TurnView> = {};
  for (const p of order) {
    const t = parseTurn(map.get(`${TURN_PREFIX}${r.id}:${p}`));
    if (t) turns[p] = t;
  }
  const endedAt: Millis | null = typeof r.endedAt === "number" ? r.endedAt : null;
  return {
    id: r.id,
    topic: typeof r.topic === "string" ? r.topic : "",
    order,
    startedAt: r.startedAt,
    startedBy: typeof r.startedBy === "string" ? r.startedBy : "",
    endedAt,
    turns,
    current: endedAt === null ? (order.find((p) => !turns[p]) ?? null) : null,
  };
}
