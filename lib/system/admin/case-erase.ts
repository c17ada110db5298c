import { eraseCase } from "../../personal-data/erase-case";
import type { AdminCommand } from "./admin-command";

/** The reason kept when the operator gives none (the contract is `case:erase <caseId>`). */
export const CLI_ERASE_REASON = "erased by the operator (npm run admin -- case:erase)";

/**
 * `case:erase <caseId> [--reason "<why>"]` (or `--case <caseId>`) →
 * `{"caseId":"…","agreements":n,"accessLogRows":n,"outboxFiles":n}`
 */
export const caseErase: AdminCommand = {
  name: "case:erase",
  summary: "erase a case and everything about its people (GDPR Art. 17); ids, times and agreement fingerprints remain",
  options: {
    case: { help: "the case's id (in the case page's address, /cases/<id>)" },
    reason: { help: "why it is erased (e.g. a request under Art. 17) — never who: the reason is kept", optional: true },
  },
  positional: "case",
  async run(args) {
    return eraseCase(args.case!, args.reason ?? CLI_ERASE_REASON, { kind: "cli" });
  },
};
