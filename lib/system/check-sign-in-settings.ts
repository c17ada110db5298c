import { staffOidcSettingsFromEnv } from "../auth/staff-oidc-settings";
import { eidSettingsFromEnv } from "../eid/eid-settings";

/**
 * The OpenID Connect settings (staff IdP, participants' eID broker) read once at start, so a
 * malformed group map or an http issuer stops the start with its reason instead of failing
 * every sign-in later.
 */
export function checkSignInSettings(): { staffOidc: number; eid: boolean } {
  // The organisations' own settings are checked where they are set (configure-organisation-oidc.ts / -eid.ts).
  return { staffOidc: staffOidcSettingsFromEnv("-") ? 1 : 0, eid: eidSettingsFromEnv("-") !== null };
}
