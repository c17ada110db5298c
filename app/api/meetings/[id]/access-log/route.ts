import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { listAccessLog } from "@/lib/audit/list-access-log";
import { requireMeetingParticipantFrom } from "@/lib/meetings/require-meeting-participant";
import { errorResponse } from "@/app/_server/error-response";
import { currentStaff } from "@/app/_server/auth";
import { sessionToken } from "@/app/_server/session";

/**
 * GET /api/meetings/<id>/access-log[?mine=1] → who has seen this case's data, newest first.
 * The employee and the caseworker only (`access_log: view`); 403 for everyone else. The viewer's
 * own visits are left out unless `mine=1`.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const staff = await currentStaff();
    const { me } = await requireMeetingParticipantFrom(
      { participantSessionToken: await sessionToken(), staffUserId: staff?.userId, staffAuthMethod: staff?.authMethod },
      id,
    );
    const mine = new URL(req.url).searchParams.get("mine");
    if (mine !== null && mine !== "0" && mine !== "1") throw new AppError("INVALID_INPUT", "mine must be 0 or 1", { mine: "enum" });
    const result = await listAccessLog({
      viewer: { kind: "participant", id: me.participantId, role: me.role, caseId: me.caseId },
      caseId: me.caseId,
      includeMine: mine === "1",
    });
    return NextResponse.json(
      {
        entries: result.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
        more: result.more,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (e) {
    return errorResponse(e);
  }
}
