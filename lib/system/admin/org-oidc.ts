import { configureOrganisationOidc } from "../../auth/configure-organisation-oidc";
import { publicUrl } from "../../env";
import type { AdminCommand } from "./admin-command";
import { CLIENT_SECRET_OPTIONS, groupMapOf, inOptionWords, refuseStoredSecret } from "./settings-options";

/**
 * `org:oidc --org <orgId> --issuer <url> --client-id <id> --client-secret-env <VAR>
 * [--groups-claim groups] [--map <group>=<role> …] [--name "<button>"]` →
 * `{"orgId":"…","staffOidc":{…},"redirectUri":"…"}`: the organisation's staff sign in at its own
 * IdP. The answer repeats what was stored (a variable's name, never a secret) and the redirect
 * URI to register at the IdP.
 */
export const orgOidc: AdminCommand = {
  name: "org:oidc",
  summary: "let an organisation's staff sign in with OpenID Connect at its own IdP, the IdP's groups mapped to roles",
  options: {
    org: { help: "the organisation's id (from org:create)" },
    issuer: { help: "the IdP's issuer URL (https; plain http only for localhost or 127.0.0.1)" },
    "client-id": { help: "our client id at the IdP" },
    ...CLIENT_SECRET_OPTIONS,
    "groups-claim": { help: "the ID token claim that lists the person's groups (default: groups)", optional: true },
    map: {
      help: "<group>=<role>, once per group; role caseworker, team_lead or admin. Without: only staff added beforehand sign in",
      optional: true,
      multiple: true,
    },
    name: { help: 'the sign-in button\'s label, e.g. "MitID Erhverv"', optional: true },
  },
  async run(args, lists) {
    refuseStoredSecret(args);
    const staffOidc = {
      ...(args.name ? { name: args.name } : {}),
      issuer: args.issuer,
      clientId: args["client-id"],
      clientSecretEnv: args["client-secret-env"],
      ...(args["groups-claim"] ? { groupsClaim: args["groups-claim"] } : {}),
      ...(lists.map?.length ? { groupRoles: groupMapOf(lists.map) } : {}),
    };
    const done = await inOptionWords(OIDC_FIELDS, () =>
      configureOrganisationOidc({ organisationId: args.org!, settings: staffOidc, publicUrl: publicUrl() }),
    );
    // Settings were given, so they are stored, never turned off.
    if ("off" in done) throw new Error("settings were given");
    return { orgId: args.org, staffOidc: done.staffOidc, redirectUri: done.redirectUri };
  },
};

const OIDC_FIELDS = {
  name: { option: "name" },
  issuer: { option: "issuer", reason: "invalidUrl" },
  clientId: { option: "client-id" },
  clientSecretEnv: { option: "client-secret-env", reason: "envName" },
  groupsClaim: { option: "groups-claim" },
  groupRoles: { option: "map", reason: "groupRole" },
};
