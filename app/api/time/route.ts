import { NextResponse } from "next/server";
import { serverNow } from "@/lib/time/server-clock";

/**
 * GET /api/time → {"now": <ms since epoch>}: the server's clock, so every screen in a meeting
 * shows the same timer although phones' clocks drift. No one's data; no session needed.
 */
export function GET() {
  return NextResponse.json({ now: serverNow().getTime() }, { headers: { "Cache-Control": "no-store" } });
}
