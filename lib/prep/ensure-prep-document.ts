import * as Y from "yjs";
import { getDb } from "@/db/client";
import { createCaseDocument } from "@/db/queries/case-documents";
import { documentExists } from "@/db/queries/collab";
import { prepDocName } from "../collab/doc-names";
import { initPrepDoc } from "../collab/prep-init";

/**
 * Make sure the case's private preparation document exists, with its fixed containers created
 * once here on the server (never by a browser: two browsers creating `notes.health` at the same
 * time would lose one person's typing). Created when first needed, i.e. when the employee or the
 * caseworker first asks for its ticket. Returns the document name.
 */
export async function ensurePrepDocument(caseId: string): Promise<string> {
  const name = prepDocName(caseId);
  const db = await getDb();
  if (await documentExists(db, name)) return name;
  const doc = new Y.Doc();
  initPrepDoc(doc);
  // ON CONFLICT DO NOTHING: if two first opens race, the first state wins and both are identical
  // in shape; the loser's containers are simply never stored.
  await createCaseDocument(db, { name, caseId, state: Y.encodeStateAsUpdate(doc) });
  doc.destroy();
  return name;
}
