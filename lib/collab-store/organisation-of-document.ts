import { getDb } from "@/db/client";
import { organisationOfCaseId, organisationOfMeetingId } from "@/db/queries/organisation-of";
import { parseDocName } from "../collab/doc-names";
import { inOrganisation } from "../access/in-organisation";
import { rememberOrganisation, rememberedOrganisation } from "./document-organisations";

/**
 * The organisation a collaboration document belongs to (its meeting's case's, or for the
 * preparation its case's), or null for a name that is no document of ours or names nothing. The
 * socket server knows no organisation until it asks (a socket carries a ticket, not a session
 * cookie), so it asks here, through a SECURITY DEFINER look-up (db/queries/organisation-of.ts) —
 * once per document and process: the answer never changes (document-organisations.ts).
 */
export async function organisationOfDocument(name: string): Promise<string | null> {
  const ref = parseDocName(name);
  if (!ref) return null;
  const remembered = rememberedOrganisation(name);
  if (remembered) return remembered;
  const db = await getDb();
  const found = ref.kind === "meeting" ? await organisationOfMeetingId(db, ref.meetingId) : await organisationOfCaseId(db, ref.caseId);
  if (found) rememberOrganisation(name, found);
  return found;
}

/**
 * Run `fn` in the document's organisation. A document of no organisation runs outside any scope,
 * where it sees nothing (row-level security), as if it did not exist.
 */
export async function inDocumentsOrganisation<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return inOrganisation(await organisationOfDocument(name), fn);
}
