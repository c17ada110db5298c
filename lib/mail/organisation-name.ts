import { env } from "../env";

/** Used when ORGANISATION_NAME is not set: the product's own name, which says nothing about anyone. */
const FALLBACK = "Stepwise";

/**
 * The organisation that holds the meetings (`ORGANISATION_NAME`, e.g. "Jobcenter Aarhus"). An
 * invitation names it instead of anything about the case: a mailbox, a phone's lock screen or a
 * forwarded e-mail must not tell anyone whose case it is or what it is about.
 */
export function organisationName(): string {
  const name = env().ORGANISATION_NAME?.trim();
  return name ? name : FALLBACK;
}
