import { getDb } from "@/db/client";
import { organisationOfCaseId, organisationOfMeetingId } from "@/db/queries/organisation-of";
import { parseDocName } from "../collab/doc-names";
import { inOrganisation } from "../access/in-organisation";

/**
 * The organisation a collaboration document belongs to (its meeting's case's, or for the
 * preparation its case's), or null for a name that is no document of ours or names nothing. The
 * socket server knows no organisation until it asks (a socket carries a ticket, not a session
 * cookie), so it asks here, through a SECURITY DEFINER look-up (db/queries/organisation-of.ts).
 */
export async function organisationOfDocument(name: string): Promise<string | null> {
  const ref = parseDocName(name);
  if (!ref) return null;
  const db = await getDb();
  return ref.kind === "meeting" ? organisationOfMeetingId(db, ref.meetingId) : organisationOfCaseId(db, ref.caseId);
}

/**
 * Run `fn` in the document's organisation. A document of no organisation runs outside any scope,
 * where it sees nothing (row-level security), as if it did not exist.
 */
export async function inDocumentsOrganisation<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return inOrganisation(await organisationOfDocument(name), fn);
}
