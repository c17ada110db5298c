import { NextResponse } from "next/server";

/**
 * GET /api/time → {"now": <ms since epoch>}: the server's clock, so every screen in a meeting
 * shows the same timer although phones' clocks drift. No one's data; no session needed.
 */
export function GET() {
  return NextResponse.json({ now: Date.now() }, { headers: { "Cache-Control": "no-store" } });
}
