import { z } from "zod";
import { route } from "@/app/_server/route-handler";
import { seedDeadlineCases } from "@/lib/deadlines/seed-deadline-cases";
import { serverNow, testClockEnabled } from "@/lib/time/server-clock";

const body = z.object({ email: z.email().max(200) });

/**
 * POST /api/test-deadlines {email} → 201 {dkCaseId, dkSoonCaseId, noCaseId, noEmail}: made-up Danish and
 * Norwegian cases with sick-leave starts for the deadlines browser spec (lib/deadlines/seed-deadline-cases.ts),
 * the Danish ones owned by a caseworker with that address, the Norwegian one by `no.<email>`. Tests only: 404 unless STEPWISE_TEST_CLOCK=1 (loopback).
 */
export const POST = route(
  {
    auth: "none",
    exists: testClockEnabled,
    status: 201,
    body,
    caseData: { none: "made-up cases for a browser test; answers their ids only" },
  },
  async ({ body: { email } }) => seedDeadlineCases({ email, now: serverNow() }),
);
