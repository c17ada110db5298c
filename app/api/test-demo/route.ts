import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { route } from "@/app/_server/route-handler";
import { ensureDemo } from "@/lib/demo/seed-demo";
import { publicUrl } from "@/lib/env";
import { testClockEnabled } from "@/lib/time/server-clock";

/**
 * POST /api/test-demo → 201 {meetingUrl, links, caseUrl, agreementBundles, no, …}: a fresh copy of the
 * demo case (Kurt's, with its binding agreement and follow-up; and Sofie's Norwegian case under
 * `no`), for one browser spec alone, so the
 * specs can run in any order and in parallel without writing into each other's meeting. Tests
 * only: 404 unless the server was started with STEPWISE_TEST_CLOCK=1, which server/start.ts
 * allows only on loopback (lib/time/server-clock.ts). The seeder writes its links file into a
 * scratch folder, removed at once; the join links exist only in this answer.
 */
export const POST = route(
  { auth: "none", exists: testClockEnabled, status: 201, caseData: { none: "a made-up demo case for a browser test; nobody's data" } },
  async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), "stepwise-demo-copy-"));
    try {
      return (await ensureDemo({ dataDir: scratch, baseUrl: publicUrl() })).links;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
);
