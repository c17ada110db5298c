import { errorResponse } from "@/app/_server/error-response";
import { openCalendarFeed } from "@/lib/calendar/open-calendar-feed";
import { publicUrl } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";

/**
 * GET /api/calendar/<secret>[.ics]?lang=da → a participant's meetings as a subscribable calendar.
 * Calendar apps poll it without a session: the secret is the credential (only its hash is
 * stored; revoking it makes this answer 404 at once). The answer holds no health data.
 */
export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await ctx.params;
    const lang = new URL(req.url).searchParams.get("lang");
    const body = await openCalendarFeed({ token: token.replace(/\.ics$/, ""), baseUrl: publicUrl(), locale: isLocale(lang) ? lang : "da" });
    return new Response(body, {
      status: 200,
      headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
