import { z } from "zod";
import { route } from "@/app/_server/route-handler";
import { createOrganisation } from "@/lib/organisations/create-organisation";
import { addStaff } from "@/lib/staff/add-staff";
import { testClockEnabled } from "@/lib/time/server-clock";

const ZBody = z.object({ name: z.string(), country: z.string(), adminEmail: z.string(), adminName: z.string() });

/**
 * POST /api/test-organisation {name, country, adminEmail, adminName} → 201 {orgId, staffId}: an
 * organisation and its administrator, as `npm run admin -- org:create` and `staff:add` make them,
 * for a browser spec (the e2e server's embedded database has one process, so the spec cannot run
 * the CLI beside it). Tests only: 404 unless STEPWISE_TEST_CLOCK=1 on loopback, as /api/test-demo.
 */
export const POST = route(
  {
    auth: "none",
    exists: testClockEnabled,
    body: ZBody,
    status: 201,
    caseData: { none: "a made-up organisation and administrator for a browser test; no case" },
  },
  async ({ body }) => {
    const org = await createOrganisation({ name: body.name, country: body.country });
    const staff = await addStaff({ organisationId: org.id, raw: { email: body.adminEmail, name: body.adminName, role: "admin" } });
    return { orgId: org.id, staffId: staff.id };
  },
);
