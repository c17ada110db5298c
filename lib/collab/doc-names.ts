/**
 * Collaboration document names (the y-websocket "room"). One document per visibility scope:
 * `meeting-<uuid>` is the shared meeting document every participant may see.
 */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const MEETING_DOC = new RegExp(`^meeting-(${UUID})$`);

export type DocRef = { kind: "meeting"; meetingId: string };

export function meetingDocName(meetingId: string): string {
  return `meeting-${meetingId}`;
}

export function parseDocName(name: string): DocRef | null {
  const m = MEETING_DOC.exec(name);
  return m ? { kind: "meeting", meetingId: m[1]! } : null;
}

export function isUuid(v: unknown): v is string {
  return typeof v === "string" && new RegExp(`^${UUID}$`).test(v);
}
