import type * as Y from "yjs";
import { AppError } from "../errors";
import { checkStamp } from "./flow-log";
import type { Actor } from "./meeting-flow";
import {
  CONSENT_COMMENT_MAX,
  CONSENT_HISTORY_MAX,
  consentKey,
  consentMap,
  isConsentKind,
  isConsentValue,
  textHash,
  type ConsentEntry,
  type ConsentHistoryEntry,
  type ConsentKind,
  type ConsentValue,
} from "./flow-schema";

/**
 * Consent per item: in the agreements phase every participant marks each part of the plan — the
 * goal, the step, each sub-goal, the mixer desk, the law's tools, each agreed action and the
 * follow-up arrangement — "agree" or "has reservations" (with a short comment). One key per item
 * and person, so people marking at the same time never overwrite each other. `by` differs from
 * the participant when the chair records what someone said in the room (no device of their own).
 *
 * "Agree" carries no comment: switching from "has reservations" to "agree" clears the comment
 * from the board. The earlier mark is kept in the entry's `history`, so the reservation and how it
 * was resolved (who, when) stay on record and go into the agreement.
 */
export type NewConsent = {
  kind: ConsentKind;
  itemId: string;
  participantId: string;
  value: ConsentValue;
  comment?: string;
  /** The item's text as the person saw it, so a later change is noticed. */
  itemText: string;
};

export function setConsent(doc: Y.Doc, input: NewConsent, actor: Actor): void {
  checkStamp(actor.by, actor.at);
  if (!isConsentKind(input.kind)) throw new AppError("INVALID_INPUT", "unknown item kind", { kind: "enum" });
  if (!isConsentValue(input.value)) throw new AppError("INVALID_INPUT", "agree or has reservations", { value: "enum" });
  if (typeof input.itemId !== "string" || !input.itemId || typeof input.participantId !== "string" || !input.participantId) {
    throw new AppError("INVALID_INPUT", "item and participant are required", { itemId: "required" });
  }
  const comment = (input.comment ?? "").trim();
  if (comment.length > CONSENT_COMMENT_MAX) {
    throw new AppError("INVALID_INPUT", `a comment is at most ${CONSENT_COMMENT_MAX} characters`, { comment: "too_long" });
  }
  const key = consentKey(input.kind, input.itemId, input.participantId);
  const previous = parseConsent(consentMap(doc).get(key));
  const kept = input.value === "agree" ? "" : comment;
  const history: ConsentHistoryEntry[] = previous ? [...previous.history] : [];
  // A different word (value or comment) moves the old mark into the history; re-marking the same
  // word (e.g. after the item's text changed) does not repeat it.
  if (previous && (previous.value !== input.value || previous.comment !== kept)) {
    history.push({ value: previous.value, comment: previous.comment, at: previous.at, by: previous.by });
  }
  const entry: ConsentEntry = {
    value: input.value,
    comment: kept,
    at: actor.at,
    by: actor.by,
    textHash: textHash(input.itemText),
    history: history.slice(-CONSENT_HISTORY_MAX),
  };
  doc.transact(() => consentMap(doc).set(key, entry));
}

export function clearConsent(doc: Y.Doc, kind: ConsentKind, itemId: string, participantId: string): void {
  doc.transact(() => consentMap(doc).delete(consentKey(kind, itemId, participantId)));
}

function parseConsent(v: unknown): ConsentEntry | null {
  if (!v || typeof v !== "object") return null;
  const c = v as Record<string, unknown>;
  if (!isConsentValue(c.value) || typeof c.at !== "number" || typeof c.by !== "string") return null;
  return {
    value: c.value,
    comment: typeof c.comment === "string" ? c.comment.slice(0, CONSENT_COMMENT_MAX) : "",
    at: c.at,
    by: c.by,
    textHash: typeof c.textHash === "string" ? c.textHash : "",
    history: Array.isArray(c.history) ? c.history.flatMap(parseHistoryEntry).slice(-CONSENT_HISTORY_MAX) : [],
  };
}

function parseHistoryEntry(v: unknown): ConsentHistoryEntry[] {
  if (!v || typeof v !== "object") return [];
  const h = v as Record<string, unknown>;
  if (!isConsentValue(h.value) || typeof h.at !== "number" || typeof h.by !== "string") return [];
  return [{ value: h.value, comment: typeof h.comment === "string" ? h.comment.slice(0, CONSENT_COMMENT_MAX) : "", at: h.at, by: h.by }];
}

export function readConsent(doc: Y.Doc): Record<string, ConsentEntry> {
  const out: Record<string, ConsentEntry> = {};
  consentMap(doc).forEach((v, k) => {
    const c = parseConsent(v);
    if (c) out[k] = c;
  });
  return out;
}
