import type * as Y from "yjs";
import { flowRoots, type FlowView } from "@/lib/collab/flow-schema";
import { readFlow } from "@/lib/collab/flow-read";
import { DocViewStore } from "../collab/doc-view-store";

/** The meeting flow (phase, chair, current item, timers, round, summary, consent, log) as plain data. */
export class FlowStore extends DocViewStore<FlowView> {
  constructor(doc: Y.Doc) {
    super(doc, flowRoots, readFlow, "The meeting flow");
  }
}
