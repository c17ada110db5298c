import { getDb } from "@/db/client";
import { isActiveStaff } from "./is-active-staff";
import { findUserByEmail } from "@/db/queries/users";
import { AppError } from "../errors";
import { normalizeEmail } from "./normalize-email";
import { rateLimitSignIn } from "./rate-limit-sign-in";
import { errorFields, logger } from "../log/logger";

const log = logger("auth");

/**
 * Someone asks for a sign-in link. Whatever the address, the answer is the same (the edge shows
 * "check your e-mail"): only a provisioned staff member's address gets a link, and nothing is
 * sent, written or stored for any other. `send` is Auth.js's e-mail sign-in (app glue); its
 * failures are logged, never shown, because a different answer would tell which addresses exist.
 */
export async function requestSignInLink(input: {
  email: unknown;
  ip: string | null;
  send: (email: string) => Promise<unknown>;
  now?: Date;
}): Promise<void> {
  const email = normalizeEmail(input.email);
  if (!email) throw new AppError("INVALID_INPUT", "write a whole e-mail address", { email: "invalid" });
  await rateLimitSignIn({ email, ip: input.ip, now: input.now });
  const user = await findUserByEmail(await getDb(), email);
  if (!isActiveStaff(user)) return;
  try {
    await input.send(email);
  } catch (e) {
    log.error("could not start an e-mail sign-in", errorFields(e));
  }
}
