import { createOrganisation } from "../../organisations/create-organisation";
import { COUNTRIES } from "../../organisation/country";
import type { AdminCommand } from "./admin-command";

/** `org:create --name "Jobcenter Aarhus" --country DK` → `{"orgId":"…"}` */
export const orgCreate: AdminCommand = {
  name: "org:create",
  summary: "create an organisation (a job centre or NAV office)",
  options: {
    name: { help: "its name, as printed on documents and invitations" },
    country: { help: "whose law it works under", choices: COUNTRIES },
  },
  async run(args) {
    const org = await createOrganisation({ name: args.name, country: args.country });
    return { orgId: org.id };
  },
};
