import { isAppError } from "@/lib/errors";
import type { ActionResult } from "./action-result";

/** The one place staff server actions turn a thrown error into `{ ok: false, error }`. */
export function actionError(e: unknown): ActionResult<never> {
  if (isAppError(e)) return { ok: false, error: e.code, ...(e.details ? { fields: e.details } : {}) };
  console.error(e);
  return { ok: false, error: "INTERNAL" };
}
