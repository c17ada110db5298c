import type * as Y from "yjs";
import { metaMap, type MeetingDocView } from "./schema";
import { readAgenda } from "./agenda";
import { readPlan } from "./plan";
import { readActions } from "./actions";
import { readFollowUp } from "./follow-up";
import { numOrNull } from "./values";

/** The whole shared document as plain data: for rendering, snapshots and agreements. */
export function readMeetingDoc(doc: Y.Doc): MeetingDocView {
  return {
    schemaVersion: numOrNull(metaMap(doc).get("schemaVersion")) ?? 0,
    agenda: readAgenda(doc),
    plan: readPlan(doc),
    actions: readActions(doc),
    followUp: readFollowUp(doc),
  };
}
