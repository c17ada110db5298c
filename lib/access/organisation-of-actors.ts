import type { Actor, Actors } from "./actor";

/**
 * The organisation a request acts in: its actor's (the staff member's own, or the participant's
 * case's). The edges run the request inside it (`withOrganisation`), so row-level security shows
 * that organisation's case data only. A browser holding a staff session of one organisation and a
 * participant session of another acts in the one the edge picked as its actor.
 */
export function organisationOfActors(actor: Actor | null, actors: Actors): string | null {
  return (actor ?? actors.staff ?? actors.participant)?.organisationId ?? null;
}
