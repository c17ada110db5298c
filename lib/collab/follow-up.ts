import type * as Y from "yjs";
import { followUpMap, type FollowUpView } from "./schema";
import { checkDateTime, str, strOrNull, textOf } from "./values";

export type FollowUpTextField = "howOften" | "jobCentre";

/** "How often and how employee and manager follow up" and "when the job centre is involved again". */
export function followUpText(doc: Y.Doc, field: FollowUpTextField): Y.Text {
  return textOf(followUpMap(doc), field);
}

export function setNextMeetingAt(doc: Y.Doc, at: string | null): void {
  const v = checkDateTime("nextMeetingAt", at);
  doc.transact(() => followUpMap(doc).set("nextMeetingAt", v));
}

export function readFollowUp(doc: Y.Doc): FollowUpView {
  const m = followUpMap(doc);
  return {
    howOften: str(m.get("howOften")),
    jobCentre: str(m.get("jobCentre")),
    nextMeetingAt: strOrNull(m.get("nextMeetingAt")),
  };
}
