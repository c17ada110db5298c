import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { Actor, Actors, StaffActor } from "@/lib/access/actor";
import { identify } from "@/lib/access/resolve-access";
import { inOrganisation } from "@/lib/access/in-organisation";
import { organisationOfActors } from "@/lib/access/organisation-of-actors";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { serverNow } from "@/lib/time/server-clock";
import { readCredentials } from "./credentials";
import { requireSameOriginOf } from "./require-same-origin";

/** What a server action answers: the value, or a typed error with per-field message codes. */
export type ActionResult<T = null> = { ok: true; value: T } | { ok: false; error: ErrorCode | "INTERNAL"; fields?: Record<string, string> };

type ActionAuth = "none" | "staff" | "any";
type ActorOf<A extends ActionAuth> = A extends "staff" ? StaffActor : A extends "any" ? Actor : null;
export type ActionCtx<A extends ActionAuth> = { actor: ActorOf<A>; actors: Actors; now: Date };

/**
 * The one shape of a server action — a public endpoint like any route (route-handler.ts has the full
 * chain): origin check → who (`auth`) → do (one use-case; lib validates the input with zod) →
 * `{ ok: true, value }`, or every thrown typed error mapped once to `{ ok: false, error, fields }`.
 * Next's redirect() and notFound() pass through.
 *
 *   export const renameCaseAction = action({ auth: "staff" }, async ({ actors }, caseId: string, form: FormData) =>
 *     renameCase({ who: actors, caseId, raw: { name: form.get("name") } }),
 *   );
 */
export function action<A extends ActionAuth, Args extends unknown[], T>(
  spec: { auth: A },
  run: (ctx: ActionCtx<A>, ...args: Args) => Promise<T>,
): (...args: Args) => Promise<ActionResult<T>> {
  return async (...args) => {
    try {
      const h = await headers();
      // Next checks a server action's Origin too; this keeps the rule ours and the same as routes'.
      requireSameOriginOf({ method: "POST", headers: h, url: `http://${h.get("host") ?? "localhost"}/` });
      const now = serverNow();
      const actors: Actors = spec.auth === "none" ? { participant: null, staff: null } : await identify(await readCredentials(), now);
      const actor = spec.auth === "staff" ? actors.staff : spec.auth === "any" ? (actors.staff ?? actors.participant) : null;
      if (spec.auth !== "none" && !actor) return { ok: false, error: "UNAUTHENTICATED" };
      // Everything the action does sees only the actor's organisation's case data (row-level security).
      const value = await inOrganisation(organisationOfActors(actor, actors), () =>
        run({ actor: actor as ActorOf<A>, actors, now }, ...args),
      );
      return { ok: true, value };
    } catch (e) {
      unstable_rethrow(e);
      return actionError(e);
    }
  };
}

/** The one place a server action turns a thrown error into `{ ok: false, error }`. */
export function actionError(e: unknown): ActionResult<never> {
  if (isAppError(e)) return { ok: false, error: e.code, ...(e.details ? { fields: e.details } : {}) };
  console.error(e);
  return { ok: false, error: "INTERNAL" };
}

/**
 * The same chain for a plain `<form action={…}>` (no state to show an answer in): the result is
 * dropped, a failure leaves things as they were (and an unexpected one is logged by actionError).
 */
export function formAction<A extends ActionAuth>(
  spec: { auth: A },
  run: (ctx: ActionCtx<A>, form: FormData) => Promise<void>,
): (form: FormData) => Promise<void> {
  const chained = action(spec, run);
  return async (form) => {
    await chained(form);
  };
}
