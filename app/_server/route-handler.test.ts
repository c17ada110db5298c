import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { recordAccess } from "@/lib/audit/record-access";
import { AppError, httpStatusOf, type ErrorCode } from "@/lib/errors";
import { accessLogOf } from "@/lib/testing/access";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { route } from "./route-handler";

/**
 * The route wrapper, on routes built for the test: each step of the chain happens in its place,
 * and a route written with it cannot skip one.
 */
let tdb: TestDatabase;
let fx: FixtureCase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  fx = await createFixtureCase();
});
afterAll(async () => {
  await tdb.drop();
});

const ORIGIN = "http://localhost:3000";
function req(opts: { method?: string; session?: string; origin?: string | null; body?: string } = {}): Request {
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (opts.session) headers.cookie = `stepwise.session=${opts.session}`;
  if (opts.origin !== null && opts.method && opts.method !== "GET") headers.origin = opts.origin ?? ORIGIN;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${ORIGIN}/api/test`, { method: opts.method ?? "GET", headers, body: opts.body });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("route()", () => {
  it("refuses a cross-origin POST, PUT and DELETE with 403 before it reads who is asking or the body", async () => {
    let ran = 0;
    const handler = route({ auth: "any", body: z.object({ n: z.number() }), caseData: { none: "test" } }, async () => {
      ran++;
      return { ok: true };
    });
    const session = fx.participants.caseworker.sessionToken;
    for (const method of ["POST", "PUT", "DELETE"]) {
      const res = await handler(req({ method, session, origin: "https://evil.example", body: "not json" }));
      expect(res.status, method).toBe(403);
      expect(await res.json()).toMatchObject({ error: "FORBIDDEN" });
      expect((await handler(req({ method, session, origin: "null", body: "{}" }))).status, `${method} Origin: null`).toBe(403);
    }
    expect(ran).toBe(0);
    // The same request from our own pages passes the check (and fails on the body instead).
    expect((await handler(req({ method: "POST", session, body: "not json" }))).status).toBe(400);
  });

  it("maps each typed error to its status once, and anything else to a calm 500", async () => {
    const codes = Object.keys(httpStatusOf) as ErrorCode[];
    for (const code of codes) {
      const res = await route({ auth: "none", caseData: { none: "test" } }, async () => {
        throw new AppError(code, "because", { field: "why" });
      })(req());
      expect(res.status, code).toBe(httpStatusOf[code]);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({ error: code, message: "because", details: { field: "why" } });
    }
    const res = await route({ auth: "none", caseData: { none: "test" } }, async () => {
      throw new Error("a bug with a secret in it");
    })(req());
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "INTERNAL", message: "Something went wrong on our side." });
  });

  it("validates the JSON body with zod and names each wrong field (400)", async () => {
    const handler = route(
      { auth: "none", body: z.strictObject({ title: z.string().min(1), minutes: z.number().int().max(600) }), caseData: { none: "test" } },
      async ({ body }) => ({ got: body.title }),
    );
    const bad = await handler(req({ method: "POST", body: JSON.stringify({ title: "", minutes: 9999 }) }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "INVALID_INPUT", details: { title: "too_small", minutes: "too_big" } });
    expect((await handler(req({ method: "POST", body: "{" }))).status).toBe(400);
    const good = await handler(req({ method: "POST", body: JSON.stringify({ title: "Plan", minutes: 60 }) }));
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ got: "Plan" });
  });

  it("answers 401 with no session, 404 for an unknown meeting, 403 for another case's, and hands the handler `me`", async () => {
    const other = await createFixtureCase();
    const handler = route({ auth: "any", on: "meeting", caseData: { none: "test" } }, async ({ me, meeting, actor }) => ({
      role: me.role,
      meetingId: meeting.meeting.id,
      kind: actor.kind,
    }));
    expect((await handler(req(), params(fx.meetingId))).status).toBe(401);
    const session = fx.participants.employee.sessionToken;
    expect((await handler(req({ session }), params("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await handler(req({ session }), params(other.meetingId))).status).toBe(403);
    const ok = await handler(req({ session }), params(fx.meetingId));
    expect(await ok.json()).toEqual({ role: "employee", meetingId: fx.meetingId, kind: "participant" });
  });

  it("writes the access-log row a route declares, after the handler and only when it succeeded", async () => {
    const handler = route(
      {
        auth: "any",
        on: "meeting",
        caseData: {
          record: ({ me, params: p }) =>
            recordAccess({
              who: { kind: "participant", id: me.participantId, name: me.displayName, role: me.role },
              caseId: me.caseId,
              what: "meeting_room",
              resourceId: p.id,
              purpose: "meeting",
            }),
        },
      },
      async ({ request }) => {
        if (new URL(request.url).searchParams.has("fail")) throw new AppError("CONFLICT", "no");
        return { shown: true };
      },
    );
    const c = await createFixtureCase();
    const session = c.participants.manager.sessionToken;
    const failed = await handler(
      new Request(`${ORIGIN}/api/test?fail=1`, { headers: { cookie: `stepwise.session=${session}` } }),
      params(c.meetingId),
    );
    expect(failed.status).toBe(409);
    expect(await accessLogOf(c.caseId)).toHaveLength(0);
    expect((await handler(req({ session }), params(c.meetingId))).status).toBe(200);
    expect(await accessLogOf(c.caseId)).toEqual([
      expect.objectContaining({ what: "meeting_room", actorId: c.participants.manager.id, resourceId: c.meetingId }),
    ]);
  });
});
