import type { ErrorCode } from "@/lib/errors";

/** What a staff server action answers: the value, or a typed error with per-field message codes. */
export type ActionResult<T = null> =
  | { ok: true; value: T }
  | { ok: false; error: ErrorCode | "INTERNAL"; fields?: Record<string, string> };
