import { NextResponse } from "next/server";
import { signOut } from "@/app/_server/auth";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";

/**
 * POST /api/auth/staff-sign-out (a plain form posts here): Auth.js deletes the session row, so the
 * old cookie opens nothing anywhere; the caseworker's meeting sockets are told to close; the
 * browser drops its cache and storage. 303 to the sign-in page.
 */
export async function POST(req: Request) {
  try {
    requireSameOrigin(req);
    await signOut({ redirect: false });
    return new NextResponse(null, {
      status: 303,
      headers: { Location: "/signin?signedOut=1", "Cache-Control": "no-store", "Clear-Site-Data": '"cache", "storage"' },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
