import { z } from "zod";
import { route } from "@/app/_server/route-handler";
import { configureOrganisationOidc } from "@/lib/auth/configure-organisation-oidc";
import { publicUrl } from "@/lib/env";
import { testClockEnabled } from "@/lib/time/server-clock";

const ZBody = z.object({ orgId: z.string(), settings: z.unknown() });

/**
 * POST /api/test-organisation/oidc {orgId, settings} → 200 {providerId, redirectUri, staffOidc}: an
 * organisation's staff IdP, as `npm run admin -- org:oidc` sets it, for a browser spec with its
 * own test IdP (e2e/staff-oidc.spec.ts; the embedded database has one process, so the spec cannot
 * run the CLI beside the server). Tests only: 404 unless STEPWISE_TEST_CLOCK=1 on loopback.
 */
export const POST = route(
  {
    auth: "none",
    exists: testClockEnabled,
    body: ZBody,
    caseData: { none: "a made-up organisation's sign-in settings for a browser test; no case" },
  },
  async ({ body }) => configureOrganisationOidc({ organisationId: body.orgId, settings: body.settings, publicUrl: publicUrl() }),
);
