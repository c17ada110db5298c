import { revokeApiToken } from "../../api/revoke-api-token";
import type { AdminCommand } from "./admin-command";

/** `token:revoke --org <orgId> --id <tokenId>` → `{"revoked":"<tokenId>"}`: refused from its next request on. */
export const tokenRevoke: AdminCommand = {
  name: "token:revoke",
  summary: "revoke one of an organisation's API tokens (token:list names them)",
  options: {
    org: { help: "the organisation's id" },
    id: { help: "the token's id (from token:list)" },
  },
  async run(args) {
    const revoked = await revokeApiToken({ organisationId: args.org!, tokenId: args.id! });
    return { revoked: revoked.id };
  },
};
