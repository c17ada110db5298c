import { organisationOfCase } from "../organisations/organisation-of-case";

export type Issuer = {
  /** Who issues the case's documents: the job centre or NAV office, as people know it. */
  organisationName: string;
  /** The case's reference as people quote it on the phone or in a letter. */
  caseReference: string;
};

/**
 * The issuing organisation and the case reference printed on a case's documents (the agreement
 * PDF).
 *
 * - organisationName: the name of the organisation the case belongs to.
 * - caseReference: the first 8 hex digits of the case id, upper-case. Short and stable for the
 *   case's whole life; a label for people, not a key (ids are random, so two cases may in rare
 *   cases share one — the fingerprint and the agreement id identify a document).
 */
export async function issuerOfCase(input: { caseId: string }): Promise<Issuer> {
  return {
    organisationName: (await organisationOfCase(input.caseId)).name,
    caseReference: input.caseId.replace(/-/g, "").slice(0, 8).toUpperCase(),
  };
}
