/** Documents remembered at most; the oldest answer goes first. */
const MAX_ENTRIES = 10_000;

/**
 * Which organisation each collaboration document belongs to, as the SECURITY DEFINER look-up
 * answered it (organisation-of-document.ts), remembered so that a reconnect storm (issue 19) and
 * every room load after the first ask the database once per document, not once per socket.
 *
 * Safe to keep without expiry: the answer never changes. A meeting stays on its case and a case in
 * its organisation (no code moves either; ids are random, never reused). Only found answers are
 * kept: a document created later is asked for again, and found. Erasing a case deletes its rows,
 * so a remembered answer for an erased document only enters a scope in which nothing is found —
 * the same as no document at all.
 *
 * Per process (and per module graph); a restart starts empty.
 */
const known = new Map<string, string>();

export function rememberedOrganisation(docName: string): string | undefined {
  return known.get(docName);
}

export function rememberOrganisation(docName: string, organisationId: string): void {
  if (known.has(docName)) return;
  if (known.size >= MAX_ENTRIES) known.delete(known.keys().next().value!);
  known.set(docName, organisationId);
}
