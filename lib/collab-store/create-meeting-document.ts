import * as Y from "yjs";
import { getDb } from "@/db/client";
import { createStoredDocument } from "@/db/queries/collab";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import { meetingDocName } from "../collab/doc-names";
import type { Track } from "../plan/track";

/**
 * Create the shared document of a new meeting with its fixed containers, optionally filled by
 * `fill` (the demo seed, or a follow-up meeting's carried-forward plan).
 */
export async function createMeetingDocument(input: { meetingId: string; track: Track; fill?: (doc: Y.Doc) => void }): Promise<void> {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: input.track });
  input.fill?.(doc);
  await createStoredDocument(await getDb(), {
    name: meetingDocName(input.meetingId),
    meetingId: input.meetingId,
    state: Y.encodeStateAsUpdate(doc),
  });
  doc.destroy();
}
