import * as oidc from "openid-client";
import { publicUrl } from "../env";
import type { EidSettings } from "./eid-settings";

/** Where the broker sends the person back: registered at the broker as the redirect URI. */
export function eidRedirectUri(): string {
  return `${publicUrl()}/api/eid/callback`;
}

/**
 * Our client at the organisation's eID broker, from its discovery document (openid-client checks
 * that the document names the issuer we were configured with). Plain http is allowed only where
 * the issuer rule allows it: this machine (oidc-issuer.ts).
 */
export async function eidClient(settings: EidSettings): Promise<oidc.Configuration> {
  const insecure = new URL(settings.issuer).protocol === "http:";
  return oidc.discovery(
    new URL(settings.issuer),
    settings.clientId,
    { client_secret: settings.clientSecret, id_token_signed_response_alg: "RS256" },
    oidc.ClientSecretBasic(settings.clientSecret),
    insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
}
