import { mailIsConfigured } from "../mail/mail-settings";
import { listStaffOidcSettings } from "./staff-oidc-settings";
import { SIGN_IN_LINK_MINUTES } from "./sign-in-link-lifetime";

export type SignInOptions = {
  /** One OpenID Connect button per configured IdP; `name` null means "use the default label". */
  oidc: { providerId: string; name: string | null }[];
  /** False when sign-in mails go to the outbox folder (no SMTP): the page says where to look. */
  mailConfigured: boolean;
  linkMinutes: number;
};

/** What the sign-in page offers on this installation. */
export async function signInOptions(): Promise<SignInOptions> {
  return {
    oidc: (await listStaffOidcSettings()).map((s) => ({ providerId: s.providerId, name: s.name })),
    mailConfigured: mailIsConfigured(),
    linkMinutes: SIGN_IN_LINK_MINUTES,
  };
}
