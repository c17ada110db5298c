/**
 * Typed errors thrown by lib/. Each edge maps them once: a route to an HTTP status, a server
 * action to `{ ok: false, error }`, the WebSocket to a close code.
 */
export type ErrorCode =
  "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT" | "GONE" | "RATE_LIMITED" | "UNAVAILABLE";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field-level detail for forms, e.g. `{ minutes: "too_large" }`. */
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  GONE: 410,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** RATE_LIMITED with when to try again: the edge sends it as `Retry-After` (whole seconds). */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", message);
  }
}
