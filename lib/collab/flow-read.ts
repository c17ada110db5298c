import type * as Y from "yjs";
import { readConsent } from "./flow-consent";
import { readFlowLog } from "./flow-log";
import { readRound } from "./flow-rounds";
import { parseTimer } from "./meeting-flow";
import { flowMap, isPhase, seenMap, type FlowView, type Millis, type Stamp, type TimerState } from "./flow-schema";

/** The whole meeting flow as plain data, for the room, the shared screen and tests. */
export function readFlow(doc: Y.Doc): FlowView {
  const map = flowMap(doc);
  const phase = stamped(map.get("phase"));
  const chair = stamped(map.get("chair"));
  const current = stamped(map.get("current"));
  const timers: Record<string, TimerState> = {};
  for (const [key, v] of map.entries()) {
    if (key.startsWith("timer:")) timers[key.slice(6)] = parseTimer(v);
  }
  const closedRaw = map.get("closed");
  return {
    phase: isPhase(phase?.value) ? phase.value : "preparing",
    phaseSince: phase && isPhase(phase.value) ? phase.stamp : null,
    chairId: typeof chair?.value === "string" ? chair.value : null,
    chairSince: chair?.stamp ?? null,
    currentItemId: typeof current?.value === "string" ? current.value : null,
    currentSince: current?.stamp ?? null,
    timers,
    round: readRound(doc),
    consent: readConsent(doc),
    log: readFlowLog(doc),
    seen: readSeen(doc),
    closed: stamp(closedRaw),
  };
}

function stamp(v: unknown): Stamp | null {
  if (!v || typeof v !== "object") return null;
  const s = v as Record<string, unknown>;
  return typeof s.at === "number" && typeof s.by === "string" ? { at: s.at, by: s.by } : null;
}

function stamped(v: unknown): { value: unknown; stamp: Stamp | null } | null {
  if (!v || typeof v !== "object") return null;
  return { value: (v as { value?: unknown }).value, stamp: stamp(v) };
}

/** This participant was connected to the meeting at `at` (a heartbeat; only ever moves forward). */
export function markSeen(doc: Y.Doc, participantId: string, at: Millis): void {
  if (!participantId || !Number.isFinite(at)) return;
  const prev = seenMap(doc).get(participantId);
  if (typeof prev === "number" && prev >= at) return;
  doc.transact(() => seenMap(doc).set(participantId, at), SEEN_ORIGIN);
}

/**
 * The origin of the "I am here" mark's transactions. The mark is written by the page, not by the
 * person: it goes to the server like any change, but the room's "all changes saved" is about what
 * the person did, so the save tracker leaves it out — else every join and every minute's mark made
 * the indicator say "sending" for a moment.
 */
export const SEEN_ORIGIN = "stepwise:seen";

export function readSeen(doc: Y.Doc): Record<string, Millis> {
  const out: Record<string, Millis> = {};
  seenMap(doc).forEach((v, k) => {
    if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  });
  return out;
}
