import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { json, localeOf, principalOf } from "@/app/api/agreements/_edge";
import { caseActor } from "@/app/api/cases/_case-actor";
import { createCalendarSubscription, revokeCalendarSubscription } from "@/lib/calendar/calendar-subscription";
import { publicUrl } from "@/lib/env";

/**
 * POST /api/cases/<id>/calendar-subscription → a new personal subscription link (shown once; the
 * old one stops working). DELETE → the link stops working. The caller's own link only.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const { me } = await caseActor(principalOf(req), id);
    return json(await createCalendarSubscription({ me, baseUrl: publicUrl(), locale: localeOf(req) }), 201);
  } catch (e) {
    return errorResponse(e);
  }
}

export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const { me } = await caseActor(principalOf(req), id);
    return json(await revokeCalendarSubscription({ me }));
  } catch (e) {
    return errorResponse(e);
  }
}
