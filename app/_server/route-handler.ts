import { NextResponse } from "next/server";
import type { z } from "zod";
import type { Actor, Actors, MeetingContext, Me, ParticipantActor, StaffActor, SystemActor } from "@/lib/access/actor";
import { admitApiCaller } from "@/lib/api/admit-api-caller";
import { identify, resolveAccess, type AccessTarget } from "@/lib/access/resolve-access";
import { inOrganisation } from "@/lib/access/in-organisation";
import { organisationOfActors } from "@/lib/access/organisation-of-actors";
import { AppError } from "@/lib/errors";
import { serverNow } from "@/lib/time/server-clock";
import { readCredentials } from "./credentials";
import { errorResponse } from "./error-response";
import { readJsonBody } from "./read-body";
import { requireSameOrigin } from "./require-same-origin";

/**
 * The one shape of a route handler (as Outline's router chain): every step an edge needs, in
 * order, so a new route cannot forget one —
 *
 *   1. origin   POST/PUT/PATCH/DELETE from another site → 403 (before anything is read)
 *   2. who      `auth`: none | participant | staff | any | organisation → 401 when nobody fitting
 *               is signed in; `organisation` (the /api/v1/ API) takes an API token or a staff
 *               session in a case role (else 403), and counts each request against its rate
 *               limit → 429 with Retry-After
 *   3. where    `on`: the case, meeting or agreement named by the `id` param → 404 / 403
 *   4. what     `body`: the JSON body through a zod schema → 400 with a code per field
 *   5. do       the handler: one use-case call, no logic
 *   6. record   `caseData`: what the answer shows of a case, and who records it (access log)
 *   7. answer   plain data → JSON with `Cache-Control: no-store`; a Response passes as it is
 *   8. errors   every thrown error mapped once (error-response.ts): typed → its status, else 500
 *
 *   export const POST = route(
 *     { auth: "any", on: "case", body: ZNote, caseData: { none: "answers the caller's own note" } },
 *     async ({ me, body }) => addNote({ me, text: body.text }),
 *   );
 *
 * Handlers stay callable from tests with a plain Request: `POST(req, { params: Promise.resolve({ id }) })`.
 */

/** `organisation`: one of the organisation's systems (API token) or a staff member — the API's callers. */
export type Auth = "none" | "participant" | "staff" | "any" | "organisation";
/** What the `id` param names, whose case the actor must be on. */
export type On = "case" | "meeting" | "agreement";

/**
 * What the answer shows of a case's data, stated by every route (issue 12.7: each showing of
 * case data writes an access-log row; app/access-log-coverage.test.ts checks each route):
 * - `none`: why the answer holds no case data;
 * - `recordedBy`: the use-case that writes the row itself (named, so a reader can check);
 * - `record`: written here, after the handler and before the answer (no showing without its row).
 */
export type CaseData<C> = { none: string } | { recordedBy: string } | { record: (ctx: C) => Promise<void> };

type Spec<A extends Auth, O extends On | undefined, B extends z.ZodType | undefined, K extends string> = {
  auth: A;
  on?: O;
  /** The path params the route has (default `id`); each arrives as a string. */
  params?: readonly K[];
  body?: B;
  /** A route that exists only on some servers (test helpers): false → 404 before anything else. */
  exists?: () => boolean;
  /** The status of a plain-data answer (201 for something created). */
  status?: number;
  caseData: CaseData<Ctx<A, O, B, K>>;
  /** Another answer for some typed errors (a plain form post gets a page, not JSON); null → the usual one. */
  answerError?: (error: AppError, request: Request) => Response | null;
};

type ActorOf<A extends Auth> = A extends "staff"
  ? StaffActor
  : A extends "participant"
    ? ParticipantActor
    : A extends "any"
      ? Actor
      : A extends "organisation"
        ? StaffActor | SystemActor
        : null;

export type Ctx<A extends Auth, O extends On | undefined, B extends z.ZodType | undefined, K extends string> = {
  request: Request;
  params: Record<K, string>;
  body: B extends z.ZodType ? z.infer<B> : undefined;
  /** The person acting (staff preferred when the browser holds both sessions); null for `auth: "none"`. */
  actor: ActorOf<A>;
  /** Everyone the credentials prove, to resolve a case named elsewhere (the body, the query). */
  actors: Actors;
  /** The actor as a participant of the case `on` names. */
  me: O extends On ? Me : undefined;
  /** The meeting and its case, for `on: "meeting"`. */
  meeting: O extends "meeting" ? Omit<MeetingContext, "me"> : undefined;
  /** The actor on another case (named in the body or query): 401/404/403 as `on`. */
  access: (target: AccessTarget) => Promise<{ me: Me }>;
  /** The server's clock for this request (lib/time/server-clock.ts). */
  now: Date;
};

type Handler<K extends string> = (request: Request, context?: { params: Promise<Record<K, string>> }) => Promise<Response>;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function route<
  A extends Auth,
  O extends On | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  K extends string = "id",
>(spec: Spec<A, O, B, K>, handle: (ctx: Ctx<A, O, B, K>) => Promise<unknown>): Handler<K> {
  return async (request, context) => {
    try {
      if (spec.exists && !spec.exists()) throw new AppError("NOT_FOUND", "not found");
      if (MUTATING.has(request.method)) requireSameOrigin(request);
      const params = ((context ? await context.params : null) ?? {}) as Record<K, string>;
      const now = serverNow();
      const actors = await actorsFor(spec.auth, request, now);
      const actor = actorFor(spec.auth, actors);
      if (spec.auth === "organisation") await admitApiCaller(actor as StaffActor | SystemActor);
      // 2½. scope  everything below sees only the actor's organisation's case data (row-level security)
      return await inOrganisation(organisationOfActors(actor, actors), async () => {
        const resolved = spec.on ? await resolveAccess(actors, targetOf(spec.on, params)) : null;
        const body = spec.body ? await readJsonBody(request, spec.body) : undefined;
        const ctx = {
          request,
          params,
          body,
          actor,
          actors,
          me: resolved?.me,
          meeting:
            resolved && "meeting" in resolved
              ? { meeting: (resolved as MeetingContext).meeting, case: (resolved as MeetingContext).case }
              : undefined,
          access: (target: AccessTarget) => resolveAccess(actors, target),
          now,
        } as Ctx<A, O, B, K>;
        const result = await handle(ctx);
        if ("record" in spec.caseData) await spec.caseData.record(ctx);
        if (result instanceof Response) return result;
        return NextResponse.json(result ?? null, { status: spec.status ?? 200, headers: { "Cache-Control": "no-store" } });
      });
    } catch (e) {
      const other = spec.answerError && e instanceof AppError ? spec.answerError(e, request) : null;
      return other ?? errorResponse(e);
    }
  };
}

/**
 * Who the request's credentials prove, for this route: an API token counts only on the API's
 * routes (`organisation`), where a join-link session does not; elsewhere the token is ignored.
 */
async function actorsFor(auth: Auth, request: Request, now: Date): Promise<Actors> {
  if (auth === "none") return { participant: null, staff: null, system: null };
  const credentials = await readCredentials(request);
  if (auth !== "organisation") return identify({ ...credentials, apiToken: null }, now);
  const proven = await identify({ ...credentials, participantSessionToken: null }, now);
  // A request that brings a token is the system's, whatever cookies came along.
  return proven.system ? { participant: null, staff: null, system: proven.system } : proven;
}

function actorFor<A extends Auth>(auth: A, actors: Actors): ActorOf<A> {
  const found =
    auth === "organisation"
      ? (actors.system ?? actors.staff)
      : auth === "staff"
        ? actors.staff
        : auth === "participant"
          ? actors.participant
          : auth === "any"
            ? (actors.staff ?? actors.participant)
            : null;
  if (auth !== "none" && !found) throw new AppError("UNAUTHENTICATED", "not signed in");
  return found as ActorOf<A>;
}

function targetOf(on: On, params: unknown): AccessTarget {
  const id = (params as { id?: unknown }).id;
  if (typeof id !== "string") throw new AppError("NOT_FOUND", `no such ${on}`);
  return on === "case" ? { caseId: id } : on === "meeting" ? { meetingId: id } : { agreementId: id };
}
