import { route } from "@/app/_server/route-handler";
import { localeOf } from "@/app/_server/request";
import { createCalendarSubscription, revokeCalendarSubscription } from "@/lib/calendar/calendar-subscription";
import { publicUrl } from "@/lib/env";

/**
 * POST /api/cases/<id>/calendar-subscription → a new personal subscription link (shown once; the
 * old one stops working). DELETE → the link stops working. The caller's own link only.
 */
export const POST = route(
  { auth: "any", on: "case", status: 201, caseData: { none: "the caller's own new subscription link: no case data" } },
  async ({ me, request }) => createCalendarSubscription({ me, baseUrl: publicUrl(), locale: localeOf(request) }),
);

export const DELETE = route({ auth: "any", on: "case", caseData: { none: "ends the caller's own subscription link" } }, async ({ me }) =>
  revokeCalendarSubscription({ me }),
);
