/**
 * Collaboration document names (the y-websocket "room"). One document per visibility scope,
 * because Yjs has no access control inside a document (every reader receives all of it):
 * - `meeting-<uuid>`: the shared meeting document every participant of the meeting may see;
 * - `prep-<caseId>`: the employee's private preparation, per case, for the employee and the
 *   caseworker only (see docs/collab-schema.md and docs/permissions.md, `prep_doc`).
 */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const MEETING_DOC = new RegExp(`^meeting-(${UUID})$`);
const PREP_DOC = new RegExp(`^prep-(${UUID})$`);

export type DocRef = { kind: "meeting"; meetingId: string } | { kind: "prep"; caseId: string };
export type DocKind = DocRef["kind"];

export function meetingDocName(meetingId: string): string {
  return `meeting-${meetingId}`;
}

export function prepDocName(caseId: string): string {
  return `prep-${caseId}`;
}

export function parseDocName(name: string): DocRef | null {
  const m = MEETING_DOC.exec(name);
  if (m) return { kind: "meeting", meetingId: m[1]! };
  const p = PREP_DOC.exec(name);
  return p ? { kind: "prep", caseId: p[1]! } : null;
}

export function isUuid(v: unknown): v is string {
  return typeof v === "string" && new RegExp(`^${UUID}$`).test(v);
}
