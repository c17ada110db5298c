import { listStaffOidcSettings } from "../auth/staff-oidc-settings";
import { eidSettings } from "../eid/eid-settings";

/**
 * The OpenID Connect settings (staff IdP, participants' eID broker) read once at start, so a
 * malformed group map or an http issuer stops the start with its reason instead of failing
 * every sign-in later.
 */
export function checkSignInSettings(): { staffOidc: number; eid: boolean } {
  return { staffOidc: listStaffOidcSettings().length, eid: eidSettings() !== null };
}
