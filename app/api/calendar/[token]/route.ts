import { route } from "@/app/_server/route-handler";
import { openCalendarFeed } from "@/lib/calendar/open-calendar-feed";
import { publicUrl } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";

/**
 * GET /api/calendar/<secret>[.ics]?lang=da → a participant's meetings as a subscribable calendar.
 * Calendar apps poll it without a session (`auth: "none"`): the secret in the path is the
 * credential (only its hash is stored; revoking it makes this answer 404 at once).
 */
export const GET = route(
  { auth: "none", params: ["token"], caseData: { none: "'Meeting', a time, a place and the room's address — no case content" } },
  async ({ params, request }) => {
    const lang = new URL(request.url).searchParams.get("lang");
    const body = await openCalendarFeed({
      token: params.token.replace(/\.ics$/, ""),
      baseUrl: publicUrl(),
      locale: isLocale(lang) ? lang : "da",
    });
    return new Response(body, {
      status: 200,
      headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
    });
  },
);
