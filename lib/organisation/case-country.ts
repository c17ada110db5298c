import { organisationCountry, type Country } from "./organisation-country";

/**
 * The country whose law a case follows: the one place that decides it. Today every case is the
 * installation's organisation's (`ORGANISATION_COUNTRY`); once cases belong to organisations with
 * a country, the case's loader fills `country` and this answers it.
 */
export function countryOfCase(c: { country?: Country | null } = {}): Country {
  return c.country ?? organisationCountry();
}

export function isCountry(v: unknown): v is Country {
  return v === "DK" || v === "NO";
}
