import { env } from "../env";
import { mailIsConfigured } from "../mail/mail-settings";
import { oidcProvider } from "./oidc-provider";
import { SIGN_IN_LINK_MINUTES } from "./sign-in-link-lifetime";

export type SignInOptions = {
  /** The OpenID Connect button, only when it is configured; `name` null means "use the default label". */
  oidc: { name: string | null } | null;
  /** False when sign-in mails go to the outbox folder (no SMTP): the page says where to look. */
  mailConfigured: boolean;
  linkMinutes: number;
};

/** What the sign-in page offers on this installation. */
export function signInOptions(): SignInOptions {
  return {
    oidc: oidcProvider() ? { name: env().OIDC_NAME ?? null } : null,
    mailConfigured: mailIsConfigured(),
    linkMinutes: SIGN_IN_LINK_MINUTES,
  };
}
