import { route } from "@/app/_server/route-handler";
import { listAccessLog, parseAccessLogQuery } from "@/lib/audit/list-access-log";

/**
 * GET /api/meetings/<id>/access-log[?page=2][&what=agreement_pdf,agreement_bundle][&mine=1] → who
 * has seen this case's data, newest first, 50 rows a page: `{ entries, page, pageCount, total,
 * more }`. A row of repeated showings has `count` and `lastAt`. The employee and the caseworker
 * only (`access_log: view`); 403 for everyone else; 400 for a page or kind that does not exist.
 * The viewer's own visits are left out unless `mine=1`.
 */
export const GET = route(
  { auth: "any", on: "meeting", caseData: { none: "the log of who saw the case: reading it is not itself logged (it would log itself)" } },
  async ({ me, request }) => {
    const sp = new URL(request.url).searchParams;
    const what = sp.getAll("what");
    const q = parseAccessLogQuery({ page: sp.get("page"), what: what.length > 0 ? what : undefined, mine: sp.get("mine") });
    const result = await listAccessLog({
      viewer: { kind: "participant", id: me.participantId, role: me.role, caseId: me.caseId },
      caseId: me.caseId,
      includeMine: q.includeMine,
      page: q.page,
      what: q.what,
    });
    return { ...result, entries: result.entries.map((e) => ({ ...e, at: e.at.toISOString(), lastAt: e.lastAt.toISOString() })) };
  },
);
