import { z } from "zod";
import { route } from "@/app/_server/route-handler";
import { serverNow, setTestClockOffset, testClockEnabled } from "@/lib/time/server-clock";

const ZOffset = z.object({ offsetMinutes: z.number().int().min(-525_600).max(525_600) });

/**
 * POST /api/test-clock {offsetMinutes} → {now}: moves this server's clock (tests only, to play a
 * long meeting without waiting). 404 unless the server was started with STEPWISE_TEST_CLOCK=1,
 * which server/start.ts allows only on loopback (lib/time/server-clock.ts).
 */
export const POST = route(
  { auth: "none", exists: testClockEnabled, body: ZOffset, caseData: { none: "the server's clock" } },
  async ({ body }) => {
    setTestClockOffset(body.offsetMinutes * 60_000);
    return { now: serverNow().getTime() };
  },
);
