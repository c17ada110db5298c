import { route } from "@/app/_server/route-handler";

/**
 * GET /api/time → {"now": <ms since epoch>}: the server's clock, so every screen in a meeting
 * shows the same timer although phones' clocks drift. No one's data; no session needed.
 */
export const GET = route({ auth: "none", caseData: { none: "the server's clock" } }, async ({ now }) => ({ now: now.getTime() }));
