import type * as Y from "yjs";

/**
 * The employee's private preparation document (`prep-<caseId>`), a Y.Doc separate from the
 * meeting document because Yjs cannot hide part of a document from a reader: only the employee
 * and the caseworker ever receive these bytes. Shape documented in docs/collab-schema.md.
 */
export const PREP_SCHEMA_VERSION = 1;

export const PREP_ROOT = {
  meta: "meta",
  notes: "notes",
  sharing: "sharing",
} as const;

/**
 * The guide's three groups of questions before the meeting ("Before the meeting" in domain.md):
 * the company's view, the employee's own view, and health.
 */
export const PREP_NOTE_GROUPS = ["company", "employee", "health"] as const;
export type PrepNoteGroup = (typeof PREP_NOTE_GROUPS)[number];

/** May this be told to the workplace? Undecided until the employee and caseworker agree. */
export const MAY_SHARE = ["yes", "no", "undecided"] as const;
export type MayShare = (typeof MAY_SHARE)[number];

/** Who says it at the meeting. Any other string is a free-text name ("my union rep"). */
export const WHO_SAYS = ["employee", "caseworker", "both"] as const;
export type WhoSaysKnown = (typeof WHO_SAYS)[number];
/** `null`: not decided yet; a known value; or `{ other }` with a free text (possibly still empty). */
export type WhoSays = WhoSaysKnown | { other: string } | null;

export type SharingItemView = {
  id: string;
  text: string;
  mayShare: MayShare;
  whoSays: WhoSays;
};

export type PrepDocView = {
  schemaVersion: number;
  notes: Record<PrepNoteGroup, string>;
  sharing: SharingItemView[];
};

export function prepMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PREP_ROOT.meta);
}
export function prepNotesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PREP_ROOT.notes);
}
export function sharingArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(PREP_ROOT.sharing);
}

/** The root types an undo manager or an observer of the preparation should cover. */
export function prepRoots(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [prepMetaMap(doc), prepNotesMap(doc), sharingArray(doc)] as Y.AbstractType<unknown>[];
}
