import { env } from "../env";

/** The countries whose law the product knows: Denmark (the default) and Norway. */
export type Country = "DK" | "NO";

/**
 * The country whose law the organisation works under (`ORGANISATION_COUNTRY`, DK by default). A
 * case has no country of its own yet: every case of an installation is the organisation's, as with
 * organisationName(). This is the one place that changes when cases carry their own.
 */
export function organisationCountry(): Country {
  return env().ORGANISATION_COUNTRY;
}
