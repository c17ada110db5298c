import type { z } from "zod";
import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import type { Me } from "../access/actor";
import { recordAccess } from "../audit/record-access";
import { AppError } from "../errors";
import { assertCan } from "../permissions";
import type { ApiCaller } from "./api-caller";
import type { ZApiCase } from "./contract";
import { caseItemOf, whoOfCaller } from "./list-cases-by-api";

/**
 * `GET /api/v1/cases/<id>`: the case's facts and its meetings — never the plan, notes or health
 * data (those stay in the room and the agreement). One access-log row per answer.
 */
export async function getCaseByApi(input: { caller: ApiCaller; me: Me }): Promise<z.output<typeof ZApiCase>> {
  assertCan(input.me.role, "view", "case");
  const db = await getDb();
  const c = await findCase(db, input.me.caseId);
  if (!c) throw new AppError("NOT_FOUND", "no such case");
  const meetings = await listMeetingsOfCases(db, [c.id]);
  await recordAccess({ who: whoOfCaller(input.caller), caseId: c.id, what: "case_overview", resourceId: c.id, purpose: "case_management" });
  return {
    ...caseItemOf(c),
    outcome: c.outcome,
    closedOn: c.closedOn,
    meetings: meetings
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((m) => ({
        meetingId: m.id,
        title: m.title,
        startsAt: m.startsAt.toISOString(),
        minutes: m.durationMinutes,
        place: m.location,
        videoUrl: m.videoUrl,
        status: m.status,
      })),
  };
}
