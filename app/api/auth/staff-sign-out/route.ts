import { NextResponse } from "next/server";
import { signOut } from "@/app/_server/auth";
import { route } from "@/app/_server/route-handler";

/**
 * POST /api/auth/staff-sign-out (a plain form posts here): Auth.js deletes the session row, so the
 * old cookie opens nothing anywhere; the caseworker's meeting sockets are told to close; the
 * browser drops its cache and storage. 303 to the sign-in page. `auth: "none"`: signing out of a
 * session that already ended is harmless.
 */
export const POST = route({ auth: "none", caseData: { none: "ends the caller's staff session" } }, async () => {
  await signOut({ redirect: false });
  return new NextResponse(null, {
    status: 303,
    headers: { Location: "/signin?signedOut=1", "Cache-Control": "no-store", "Clear-Site-Data": '"cache", "storage"' },
  });
});
