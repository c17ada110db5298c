import { listApiTokens } from "../../api/list-api-tokens";
import type { AdminCommand } from "./admin-command";

/** `token:list --org <orgId>` → `{"tokens":[{id, name, createdAt, lastUsedAt, revokedAt}]}` (never a token or its hash). */
export const tokenList: AdminCommand = {
  name: "token:list",
  summary: "list an organisation's API tokens by name, with when each was made, last used and revoked",
  options: {
    org: { help: "the organisation's id" },
  },
  async run(args) {
    const tokens = await listApiTokens({ organisationId: args.org! });
    return { tokens: tokens.map(({ id, name, createdAt, lastUsedAt, revokedAt }) => ({ id, name, createdAt, lastUsedAt, revokedAt })) };
  },
};
