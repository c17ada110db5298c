import { organisationCountry, type Country } from "../organisation/organisation-country";

/**
 * The country whose law a case follows (its track: words, staircase, tools, the agreement's
 * layout and exports). The one place that decides it: today the installation's organisation's
 * (`ORGANISATION_COUNTRY`); once cases belong to stored organisations, that organisation's.
 */
export async function countryOfCase(_caseId: string): Promise<Country> {
  return Promise.resolve(organisationCountry());
}
