import { createApiToken } from "../../api/create-api-token";
import type { AdminCommand } from "./admin-command";

/** `token:create --org <orgId> --name "<n>"` → `{"token":"stw_…"}`: shown this once, only its SHA-256 is kept. */
export const tokenCreate: AdminCommand = {
  name: "token:create",
  summary: "make an API token for one of an organisation's systems (printed once; only its hash is stored)",
  options: {
    org: { help: "the organisation's id (from org:create)" },
    name: { help: 'which system holds it, e.g. "Fagsystem" (to revoke it knowingly later)' },
  },
  async run(args) {
    const { token } = await createApiToken({ organisationId: args.org!, raw: { name: args.name } });
    return { token };
  },
};
