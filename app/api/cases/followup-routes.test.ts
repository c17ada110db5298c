import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindingOf, loadCaseAgreements } from "@/lib/agreements/case-agreements";
import { createBoundCase, type BoundCase } from "@/lib/followup/testing";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { dateInZone } from "@/lib/time/zoned";
import { GET as getFeed } from "../calendar/[token]/route";
import { GET as getIcs } from "../meetings/[id]/calendar.ics/route";
import { POST as postAnswer } from "../meetings/[id]/answer/route";
import { GET as getReview } from "../meetings/[id]/review/route";
import { DELETE as revokeSubscription, POST as createSubscription } from "./[id]/calendar-subscription/route";
import { DELETE as deleteProgress } from "./[id]/progress/[entryId]/route";
import { POST as postProgress } from "./[id]/progress/route";
import { POST as postReadReceipt } from "./[id]/read-receipts/route";

/**
 * The follow-up route handlers, called directly with real Requests: who (401) → what (400) →
 * may they (403, also for another case's participant and a foreign Origin) → the answer.
 */
let tdb: TestDatabase;
let fx: BoundCase;
let other: BoundCase;
let pain: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  fx = await createBoundCase();
  other = await createBoundCase();
  pain = bindingOf(await loadCaseAgreements(fx.caseId))!.content.plan.subGoals[0]!.id;
});
afterAll(async () => {
  await tdb.drop();
});

const ORIGIN = "http://localhost:3000";
function req(path: string, opts: { session?: string; method?: string; body?: unknown; origin?: string | null } = {}): Request {
  const headers: Record<string, string> = { host: "localhost:3000", "user-agent": "route-test", "accept-language": "en" };
  if (opts.session) headers.cookie = `stepwise.session=${opts.session}`;
  if (opts.method && opts.method !== "GET" && opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${ORIGIN}${path}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
}
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const today = () => dateInZone(new Date());

/** Every text of Kurt's plan that must never reach a calendar. */
async function planTexts(caseId: string): Promise<string[]> {
  const { plan, actions, followUp } = bindingOf(await loadCaseAgreements(caseId))!.content;
  return [
    plan.goal,
    ...plan.subGoals.flatMap((g) => [g.text, g.measure.label, ...g.activities.flatMap((a) => [a.text, a.who, a.schedule])]),
    ...actions.map((a) => a.text),
    followUp.howOften,
    followUp.jobCentre,
    "Test Person",
    "Test Employer",
    "Test meeting",
  ].filter((s) => s.trim().length > 3);
}

function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, "");
}

describe("GET /api/meetings/<id>/calendar.ics", () => {
  it("401 without a session, 403 for another case, 404 for an unknown meeting, then text/calendar a real parser reads, with no plan text", async () => {
    const ics = (id: string, session?: string) => getIcs(req(`/api/meetings/${id}/calendar.ics`, { session }), params({ id }));
    expect((await ics(fx.meetingId)).status).toBe(401);
    expect((await ics(fx.meetingId, other.sessions.employee)).status).toBe(403);
    expect((await ics("00000000-0000-4000-8000-000000000000", fx.sessions.employee)).status).toBe(404);

    const res = await ics(fx.meetingId, fx.sessions.observer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.text();
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("Meeting");
    expect(event.location).toBe("Room 1");
    expect(event.description).toContain(`http://localhost:3000/meetings/${fx.meetingId}`);
    // Never a join link or any token: the room address needs the person's own session.
    expect(body).not.toMatch(/\/join\//);
    const flat = unfold(body);
    for (const text of await planTexts(fx.caseId)) expect(flat, text).not.toContain(text);
  });
});

describe("the calendar subscription", () => {
  it("401/403 before anything; the link serves the feed without a session, and stops working once revoked", async () => {
    const path = `/api/cases/${fx.caseId}/calendar-subscription`;
    const create = (session?: string, origin?: string) =>
      createSubscription(req(path, { method: "POST", session, origin }), params({ id: fx.caseId }));
    expect((await create()).status).toBe(401);
    expect((await create(fx.sessions.employee, "https://evil.example")).status).toBe(403);
    expect((await create(other.sessions.employee)).status).toBe(403);
    expect(
      (
        await createSubscription(
          req(`/api/cases/nope/calendar-subscription`, { method: "POST", session: fx.sessions.employee }),
          params({ id: "nope" }),
        )
      ).status,
    ).toBe(404);

    const made = await create(fx.sessions.employee);
    expect(made.status).toBe(201);
    const { url } = (await made.json()) as { url: string };
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\?lang=en$/);
    const token = new URL(url).pathname.split("/").pop()!;
    const feed = (t: string) => getFeed(req(`/api/calendar/${t}?lang=en`), params({ token: t }));

    const ok = await feed(token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await ok.text();
    const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent");
    expect(events.length).toBeGreaterThanOrEqual(1);
    for (const text of await planTexts(fx.caseId)) expect(unfold(body), text).not.toContain(text);
    expect((await feed(`${token}.ics`)).status).toBe(200);

    // Revoking: from then on the same link answers 404.
    expect((await revokeSubscription(req(path, { method: "DELETE" }), params({ id: fx.caseId }))).status).toBe(401);
    expect(
      (await revokeSubscription(req(path, { method: "DELETE", session: fx.sessions.employee }), params({ id: fx.caseId }))).status,
    ).toBe(200);
    expect((await feed(token)).status).toBe(404);
    expect((await feed("x".repeat(43))).status).toBe(404);
    expect((await feed("short")).status).toBe(404);
  });

  it("a new link replaces the old one", async () => {
    const path = `/api/cases/${fx.caseId}/calendar-subscription`;
    const first = (
      (await (await createSubscription(req(path, { method: "POST", session: fx.sessions.manager }), params({ id: fx.caseId }))).json()) as {
        url: string;
      }
    ).url;
    const second = (
      (await (await createSubscription(req(path, { method: "POST", session: fx.sessions.manager }), params({ id: fx.caseId }))).json()) as {
        url: string;
      }
    ).url;
    const tokenOf = (u: string) => new URL(u).pathname.split("/").pop()!;
    expect((await getFeed(req(new URL(first).pathname), params({ token: tokenOf(first) }))).status).toBe(404);
    expect((await getFeed(req(new URL(second).pathname), params({ token: tokenOf(second) }))).status).toBe(200);
  });
});

describe("POST /api/cases/<id>/progress and DELETE …/<entryId>", () => {
  it("401, 403 from another origin, 400 with the field's code, 403 for a role that does not record or another case, 201 for the employee", async () => {
    const path = `/api/cases/${fx.caseId}/progress`;
    const post = (body: unknown, session?: string, origin?: string) =>
      postProgress(req(path, { method: "POST", body, session, origin }), params({ id: fx.caseId }));
    const good = { subGoalId: pain, date: today(), value: "5", note: "Walked every day" };
    expect((await post(good)).status).toBe(401);
    expect((await post(good, fx.sessions.employee, "https://evil.example")).status).toBe(403);
    const range = await post({ ...good, value: "60" }, fx.sessions.employee);
    expect(range.status).toBe(400);
    expect(await range.json()).toMatchObject({
      error: "INVALID_INPUT",
      details: { value: "range" },
      message: "The value must be from 1 to 10",
    });
    expect((await post(good, fx.sessions.union_rep)).status).toBe(403);
    expect((await post(good, other.sessions.employee)).status).toBe(403);
    const ok = await post(good, fx.sessions.employee);
    expect(ok.status).toBe(201);
    const entry = (await ok.json()) as { id: string; value: number };
    expect(entry.value).toBe(5);

    const del = (session?: string) =>
      deleteProgress(req(`${path}/${entry.id}`, { method: "DELETE", session }), params({ id: fx.caseId, entryId: entry.id }));
    expect((await del()).status).toBe(401);
    expect((await del(fx.sessions.manager)).status).toBe(403);
    expect((await del(fx.sessions.employee)).status).toBe(200);
    expect((await del(fx.sessions.employee)).status).toBe(404);
  });
});

describe("POST /api/meetings/<id>/answer", () => {
  it("401, 400 without a suggestion for another time, 403 for another case, 200 with the answer", async () => {
    const path = `/api/meetings/${fx.meetingId}/answer`;
    const post = (body: unknown, session?: string) =>
      postAnswer(req(path, { method: "POST", body, session }), params({ id: fx.meetingId }));
    expect((await post({ answer: "coming" })).status).toBe(401);
    const missing = await post({ answer: "another_time" }, fx.sessions.manager);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ details: { suggestion: "required" } });
    expect((await post({ answer: "maybe" }, fx.sessions.manager)).status).toBe(400);
    expect((await post({ answer: "coming" }, other.sessions.manager)).status).toBe(403);
    const ok = await post({ answer: "another_time", suggestion: "Thursday morning", reason: "ignored" }, fx.sessions.manager);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ answer: "another_time", suggestion: "Thursday morning", reason: null });
  });
});

describe("POST /api/cases/<id>/read-receipts", () => {
  it("401, 400 for a malformed fingerprint, 403 for another case, 409 for another text, 201 once read", async () => {
    const path = `/api/cases/${fx.caseId}/read-receipts`;
    const post = (body: unknown, session?: string) =>
      postReadReceipt(req(path, { method: "POST", body, session }), params({ id: fx.caseId }));
    const good = { agreementId: fx.agreementId, fingerprint: fx.fingerprint };
    expect((await post(good)).status).toBe(401);
    expect((await post({ ...good, fingerprint: "abc" }, fx.sessions.employee)).status).toBe(400);
    expect((await post(good, other.sessions.employee)).status).toBe(403);
    expect((await post({ ...good, fingerprint: "0".repeat(64) }, fx.sessions.employee)).status).toBe(409);
    const ok = await post(good, fx.sessions.employee);
    expect(ok.status).toBe(201);
    const first = ((await ok.json()) as { readAt: string }).readAt;
    // Confirming again keeps the first time.
    expect(((await (await post(good, fx.sessions.employee)).json()) as { readAt: string }).readAt).toBe(first);
  });
});

describe("GET /api/meetings/<id>/review", () => {
  it("401, 400 without the basis, 403 for another case, 200 with the plan as agreed and the progress per sub-goal", async () => {
    const get = (query: string, session?: string) =>
      getReview(req(`/api/meetings/${fx.meetingId}/review${query}`, { session }), params({ id: fx.meetingId }));
    expect((await get(`?agreement=${fx.agreementId}`)).status).toBe(401);
    expect((await get("", fx.sessions.observer)).status).toBe(400);
    expect((await get(`?agreement=${fx.agreementId}`, other.sessions.caseworker)).status).toBe(403);
    expect((await get(`?agreement=${other.agreementId}`, fx.sessions.caseworker)).status).toBe(404);
    const ok = await get(`?agreement=${fx.agreementId}`, fx.sessions.observer);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { basis: { version: number }; measures: { subGoalId: string }[] };
    expect(body.basis.version).toBe(1);
    expect(body.measures.map((m) => m.subGoalId)[0]).toBe(pain);
  });
});
