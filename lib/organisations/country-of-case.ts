import type { Country } from "../organisation/country";
import { organisationOfCase } from "./organisation-of-case";

/**
 * The country whose law a case follows (its track: words, staircase, tools, the agreement's
 * layout and exports): its organisation's. The one place the track asks.
 */
export async function countryOfCase(caseId: string): Promise<Country> {
  return (await organisationOfCase(caseId)).country;
}
