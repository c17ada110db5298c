import { z } from "zod";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { AppError } from "@/lib/errors";
import { serverNow, setTestClockOffset, testClockEnabled } from "@/lib/time/server-clock";
import { json, readBody } from "../agreements/_edge";

const ZOffset = z.object({ offsetMinutes: z.number().int().min(-525_600).max(525_600) });

/**
 * POST /api/test-clock {offsetMinutes} → {now}: moves this server's clock (tests only, to play a
 * long meeting without waiting). 404 unless the server was started with STEPWISE_TEST_CLOCK=1,
 * which server/start.ts allows only on loopback (lib/time/server-clock.ts).
 */
export async function POST(req: Request) {
  try {
    if (!testClockEnabled()) throw new AppError("NOT_FOUND", "not found");
    requireSameOrigin(req);
    const { offsetMinutes } = await readBody(req, ZOffset);
    setTestClockOffset(offsetMinutes * 60_000);
    return json({ now: serverNow().getTime() });
  } catch (e) {
    return errorResponse(e);
  }
}
