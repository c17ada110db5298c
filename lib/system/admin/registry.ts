import type { AdminCommand } from "./admin-command";
import { caseErase } from "./case-erase";
import { tokenCreate } from "./token-create";
import { tokenList } from "./token-list";
import { tokenRevoke } from "./token-revoke";
import { orgCreate } from "./org-create";
import { orgEid } from "./org-eid";
import { orgOidc } from "./org-oidc";
import { staffAdd } from "./staff-add";

/** Every command of `npm run admin`: add a file beside this one and a line here. */
export const ADMIN_COMMANDS: readonly AdminCommand[] = [
  orgCreate,
  orgOidc,
  orgEid,
  staffAdd,
  tokenCreate,
  tokenList,
  tokenRevoke,
  caseErase,
];
