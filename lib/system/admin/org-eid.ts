import { configureOrganisationEid } from "../../eid/configure-organisation-eid";
import { publicUrl } from "../../env";
import type { AdminCommand } from "./admin-command";
import { CLIENT_SECRET_OPTIONS, inOptionWords, refuseStoredSecret } from "./settings-options";

/**
 * `org:eid --org <orgId> --issuer <url> --client-id <id> --client-secret-env <VAR>
 * [--acr-values …] [--min-level substantial|high] [--name "<eID>"]` →
 * `{"orgId":"…","eid":{…},"redirectUri":"…"}`: the organisation's participants confirm who they
 * are with the national eID through its broker (the name defaults to MitID in DK, ID-porten in NO).
 */
export const orgEid: AdminCommand = {
  name: "org:eid",
  summary: "let an organisation's participants confirm with the national eID through its OpenID Connect broker",
  options: {
    org: { help: "the organisation's id (from org:create)" },
    issuer: { help: "the broker's issuer URL (https; plain http only for localhost or 127.0.0.1)" },
    "client-id": { help: "our client id at the broker" },
    ...CLIENT_SECRET_OPTIONS,
    "acr-values": { help: "the acr_values asked of the broker, e.g. idporten-loa-substantial", optional: true },
    "min-level": {
      help: "the lowest assurance level a confirmation must reach (default: substantial)",
      choices: ["substantial", "high"],
      optional: true,
    },
    name: { help: "the eID's name on the page (default: MitID in DK, ID-porten in NO)", optional: true },
  },
  async run(args) {
    refuseStoredSecret(args);
    const eid = {
      ...(args.name ? { name: args.name } : {}),
      issuer: args.issuer,
      clientId: args["client-id"],
      clientSecretEnv: args["client-secret-env"],
      ...(args["acr-values"] ? { acrValues: args["acr-values"] } : {}),
      ...(args["min-level"] ? { minLevel: args["min-level"] } : {}),
    };
    const done = await inOptionWords(EID_FIELDS, () =>
      configureOrganisationEid({ organisationId: args.org!, settings: eid, publicUrl: publicUrl() }),
    );
    // Settings were given, so they are stored, never turned off.
    if ("off" in done) throw new Error("settings were given");
    return { orgId: args.org, eid: done.eid, redirectUri: done.redirectUri };
  },
};

const EID_FIELDS = {
  name: { option: "name" },
  issuer: { option: "issuer", reason: "invalidUrl" },
  clientId: { option: "client-id" },
  clientSecretEnv: { option: "client-secret-env", reason: "envName" },
  acrValues: { option: "acr-values" },
  minLevel: { option: "min-level", reason: "enum" },
};
