import { eraseCase } from "../../personal-data/erase-case";
import type { AdminCommand } from "./admin-command";

/** `case:erase --case <caseId> --reason "<why>"` → `{"caseId":"…","agreements":n,"accessLogRows":n,"outboxFiles":n}` */
export const caseErase: AdminCommand = {
  name: "case:erase",
  summary: "erase a case and everything about its people (GDPR Art. 17); ids, times and agreement fingerprints remain",
  options: {
    case: { help: "the case's id (in the case page's address, /cases/<id>)" },
    reason: { help: "why it is erased (e.g. a request under Art. 17) — never who: the reason is kept" },
  },
  async run(args) {
    return eraseCase(args.case!, args.reason!, { kind: "cli" });
  },
};
