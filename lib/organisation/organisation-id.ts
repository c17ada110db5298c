/**
 * The organisation every actor acts in. Organisations are not stored yet (one server, one job
 * centre or NAV office: see organisation-name.ts); the next issue stores them and gives each staff
 * member and case one. Until then every actor carries this one id, so code written against
 * `actor.organisationId` keeps its meaning when there are several.
 */
export const SINGLE_ORGANISATION_ID = "default";

export function organisationId(): string {
  return SINGLE_ORGANISATION_ID;
}
