import { env } from "../env";
import { parseEmailList } from "./normalize-email";
import { provisionCaseworker } from "./provision-caseworker";
import { logger } from "../log/logger";

const log = logger("auth");

/**
 * Provision the caseworkers named in CASEWORKER_EMAILS at start. Only adds: removing an address
 * from the list does not take anyone's role away (do that in the database, see README).
 */
export async function provisionCaseworkersFromEnv(raw = env().CASEWORKER_EMAILS): Promise<{ provisioned: string[]; invalid: string[] }> {
  const { emails, invalid } = parseEmailList(raw);
  for (const email of emails) await provisionCaseworker({ email });
  if (invalid.length) log.warn("CASEWORKER_EMAILS: ignored entries that are not e-mail addresses", { ignored: invalid.length });
  return { provisioned: emails, invalid };
}
