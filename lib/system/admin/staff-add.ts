import { STAFF_ROLES } from "../../access/actor";
import { addStaff } from "../../staff/add-staff";
import type { AdminCommand } from "./admin-command";

/** `staff:add --org <orgId> --email <e> --name "<n>" --role caseworker|team_lead|admin` → `{"staffId":"…"}` */
export const staffAdd: AdminCommand = {
  name: "staff:add",
  summary: "give a person a staff account in an organisation (they sign in with their e-mail)",
  options: {
    org: { help: "the organisation's id (from org:create)" },
    email: { help: "their work e-mail address" },
    name: { help: "their name" },
    role: { help: "what they may do", choices: STAFF_ROLES },
  },
  async run(args) {
    const staff = await addStaff({ organisationId: args.org!, raw: { email: args.email, name: args.name, role: args.role } });
    return { staffId: staff.id };
  },
};
