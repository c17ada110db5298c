import { route } from "@/app/_server/route-handler";
import { localeOf } from "@/app/_server/request";
import { publicUrl } from "@/lib/env";
import { exportMyData } from "@/lib/personal-data/export-my-data";

/**
 * GET /api/v1/me/export → everything Stepwise holds about the employee for their case, as a zip
 * (GDPR Art. 15 and 20), with the session their personal link opened. Another role: 403.
 */
export const GET = route({ auth: "participant", caseData: { recordedBy: "exportMyData" } }, async ({ actor, access, request, now }) => {
  const { me } = await access({ caseId: actor.caseId });
  const out = await exportMyData({ me, locale: localeOf(request), baseUrl: publicUrl(), now });
  return new Response(new Uint8Array(out.bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${out.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
