import { NextResponse } from "next/server";
import { RateLimitedError, httpStatusOf, isAppError } from "@/lib/errors";

/** The one place route handlers turn a thrown error into an HTTP answer. */
export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) {
    return NextResponse.json(
      { error: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) },
      {
        status: httpStatusOf[e.code],
        headers: {
          "Cache-Control": "no-store",
          ...(e instanceof RateLimitedError ? { "Retry-After": String(e.retryAfterSeconds) } : {}),
        },
      },
    );
  }
  console.error(e);
  return NextResponse.json(
    { error: "INTERNAL", message: "Something went wrong on our side." },
    { status: 500, headers: { "Cache-Control": "no-store" } },
  );
}
