import { z } from "zod";
import type { MeetingContext, Me } from "@/lib/access/actor";
import type { ApiCaller } from "@/lib/api/api-caller";
import type { ApiOperation } from "@/lib/api/operations";
import { parseApiInput } from "@/lib/api/parse-input";
import { readJsonBody } from "./read-body";
import { route, type CaseData, type Ctx } from "./route-handler";

/**
 * The one shape of an /api/v1/ route: `route()` with the API's caller (an API token or a staff
 * session: 401 without, 429 over the rate limit), the operation's `{id}` resolved in the caller's
 * organisation (404 for another's, 403 outside the role), and its body and query parsed with the
 * operation's own schemas (400 naming each field) — the schemas the OpenAPI document is made of.
 *
 *   export const POST = apiRoute(API_OPERATIONS.createCase, { none: "answers the new case's id" },
 *     ({ caller, body }) => createCaseByApi({ caller, body }));
 */
type Input<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiCtx<Op extends ApiOperation> = {
  request: Request;
  params: { id: string };
  caller: ApiCaller;
  body: Input<Op["body"]>;
  query: Input<Op["query"]>;
  me: Op["on"] extends string ? Me : undefined;
  meeting: Op["on"] extends "meeting" ? MeetingContext["meeting"] : undefined;
  now: Date;
};

type RouteCtx = Ctx<"organisation", ApiOperation["on"], undefined, "id">;

export function apiRoute<Op extends ApiOperation>(
  op: Op,
  caseData: CaseData<RouteCtx>,
  handle: (ctx: ApiCtx<Op>) => Promise<unknown>,
): (request: Request, context?: { params: Promise<{ id: string }> }) => Promise<Response> {
  return route({ auth: "organisation", on: op.on, status: op.status, caseData }, async (ctx) => {
    const body = op.body ? parseApiInput(op.body, await readJsonBody(ctx.request, z.unknown())) : undefined;
    const query = op.query ? parseApiInput(op.query, Object.fromEntries(new URL(ctx.request.url).searchParams)) : undefined;
    return handle({
      request: ctx.request,
      params: ctx.params,
      caller: ctx.actor,
      body,
      query,
      me: ctx.me,
      meeting: ctx.meeting?.meeting,
      now: ctx.now,
    } as ApiCtx<Op>);
  });
}
