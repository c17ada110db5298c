import type { IncomingMessage, ServerResponse } from "node:http";
import { inOrganisation } from "@/lib/access/in-organisation";
import { organisationOfCookies } from "@/lib/access/organisation-of-cookies";
import { serverNow } from "@/lib/time/server-clock";

type AppHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Next's build output: files that hold no case data and never read the database. */
const STATIC = /^\/(_next\/static|_next\/image|favicon\.ico)/;

/**
 * Every request Next handles runs in the organisation its session cookies prove (row-level
 * security, docs/decisions.md): a page's whole render — its layout, its lists, every server
 * component — sees that organisation's case data only, and with no live session none at all.
 * A route or server action then enters its own actor's organisation (route-handler.ts, action.ts),
 * and an edge that starts from a link (a join link, a calendar feed) the link's.
 */
export function inRequestOrganisation(app: AppHandler): AppHandler {
  return async (req, res) => {
    if (STATIC.test(req.url ?? "")) return app(req, res);
    const organisationId = await organisationOfCookies(req.headers.cookie, serverNow());
    return inOrganisation(organisationId, () => app(req, res));
  };
}
