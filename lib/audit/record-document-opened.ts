import { parseDocName } from "../collab/doc-names";
import type { CollabPrincipal } from "../collab-store/authorize-connection";
import { recordRepeatedAccess } from "./record-repeated-access";
import { inOrganisation } from "../access/in-organisation";

/**
 * The socket server calls this once per connection, right after `authorizeCollabConnection`
 * accepted it and before the first sync frame goes out: opening a document shows its data.
 * The shared meeting document is logged as `meeting_doc` (purpose "meeting"), the private
 * preparation as `prep_doc` (purpose "preparation"). Refused connections are not logged here.
 * Reconnects repeat it often, so repeated opens within a quarter of an hour count up on one row.
 */
export async function recordDocumentOpened(principal: CollabPrincipal, room: string): Promise<void> {
  const ref = parseDocName(room);
  if (!ref) return;
  // The socket server has no organisation of its own: the principal's (the document's).
  await inOrganisation(principal.organisationId, () =>
    recordRepeatedAccess({
      who: { kind: "participant", id: principal.participantId, name: principal.displayName, role: principal.role },
      caseId: principal.caseId,
      what: ref.kind === "prep" ? "prep_doc" : "meeting_doc",
      resourceId: ref.kind === "prep" ? ref.caseId : ref.meetingId,
      purpose: ref.kind === "prep" ? "preparation" : "meeting",
    }),
  );
}
