import type { SendResult } from "../send-json";

/** The catalogue key (under agreement.errors) for a failed sign/decline answer. */
export function decisionErrorKey(r: Extract<SendResult, { ok: false }>): string {
  const d = r.details;
  if (r.status === 0) return "offline";
  if (r.status === 401) return d.session === "stale" ? "stale" : "signedOut";
  if (r.status === 403) return "forbidden";
  if (r.status === 409) {
    if (d.shownHash === "mismatch") return "changed";
    if (d.version === "superseded") return "superseded";
    if (d.version === "sealed") return "sealed";
    if (d.decision === "already_signed") return "alreadySigned";
    if (d.decision === "already_declined") return "alreadyDeclined";
    return "conflict";
  }
  if (r.status === 400) {
    if (d.typedName === "mismatch") return "nameMismatch";
    if (d.readAndAgreed) return "agree";
    if (d.identityChecked) return "identity";
    if (d.reason) return "reason";
  }
  return "generic";
}

/** Errors after which the page must be reloaded to continue. */
export const RELOAD_ERRORS = new Set(["changed", "superseded", "sealed", "conflict"]);
