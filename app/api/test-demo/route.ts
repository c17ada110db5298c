import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { ensureDemo } from "@/lib/demo/seed-demo";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { testClockEnabled } from "@/lib/time/server-clock";
import { json } from "../agreements/_edge";

/**
 * POST /api/test-demo → 201 {meetingUrl, links, caseUrl, agreementBundles, …}: a fresh copy of the
 * demo case (Kurt's, with its binding agreement and follow-up), for one browser spec alone, so the
 * specs can run in any order and in parallel without writing into each other's meeting. Tests
 * only: 404 unless the server was started with STEPWISE_TEST_CLOCK=1, which server/start.ts
 * allows only on loopback (lib/time/server-clock.ts). The seeder writes its links file into a
 * scratch folder, removed at once; the join links exist only in this answer.
 */
export async function POST(req: Request) {
  try {
    if (!testClockEnabled()) throw new AppError("NOT_FOUND", "not found");
    requireSameOrigin(req);
    const scratch = mkdtempSync(path.join(os.tmpdir(), "stepwise-demo-copy-"));
    try {
      const { links } = await ensureDemo({ dataDir: scratch, baseUrl: publicUrl() });
      return json(links, 201);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  } catch (e) {
    return errorResponse(e);
  }
}
