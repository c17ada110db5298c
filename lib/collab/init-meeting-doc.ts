import * as Y from "yjs";
import { SCHEMA_VERSION, followUpMap, metaMap, planMap } from "./schema";
import type { Track } from "../plan/track";

/**
 * Create the document's fixed containers. Nested Yjs types must be created exactly once: if two
 * clients each created `plan.goal`, one of them would silently win and the other's typing vanish.
 * So this runs once, on the server, when the meeting is created, and clients never create them.
 */
export function initMeetingDoc(doc: Y.Doc, opts: { track: Track }): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    if (meta.get("schemaVersion") !== undefined) return;
    meta.set("schemaVersion", SCHEMA_VERSION);
    const plan = planMap(doc);
    plan.set("track", opts.track);
    plan.set("goal", new Y.Text());
    plan.set("goalTargetDate", null);
    plan.set("step", null);
    plan.set("subGoals", new Y.Array());
    plan.set("mixer", new Y.Map());
    plan.set("tools", new Y.Map());
    const follow = followUpMap(doc);
    follow.set("howOften", new Y.Text());
    follow.set("jobCentre", new Y.Text());
    follow.set("nextMeetingAt", null);
  });
}

export function isInitialised(doc: Y.Doc): boolean {
  return metaMap(doc).get("schemaVersion") !== undefined;
}
