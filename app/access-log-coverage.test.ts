import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgreementFixture } from "@/lib/agreements/test-fixtures";
import type { AccessWhat } from "@/lib/audit/access-kinds";
import { createBoundCase } from "@/lib/followup/testing";
import { accessLogOf } from "@/lib/testing/access";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * Issue 12.7: every route and page that shows case data writes an access-log row, so the employee
 * can see who read their data. This test WALKS every route handler and page under app/: a new
 * one fails here until it is listed — either with a call that must write a row (routes), the
 * recording call its source must make (pages), or the reason it shows no case data.
 */

const APP = path.resolve(import.meta.dirname);
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string, file: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, file, out);
    else if (file.test(name)) out.push(path.relative(path.dirname(APP), p).split(path.sep).join("/"));
  }
  return out;
}

/** The HTTP methods a route file exports (`export async function GET`, `export const GET`, `export { GET }`). */
function exportedMethods(file: string): string[] {
  const src = readFileSync(path.join(path.dirname(APP), file), "utf8");
  return METHODS.filter((m) =>
    new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(src),
  );
}

// ---- Routes ----------------------------------------------------------------------------------

type Ctx = { fx: AgreementFixture; sealedId: string };
type RouteRule = { noCaseData: string } | { logs: AccessWhat; call: (c: Ctx) => Promise<Response> };

const ORIGIN = "http://localhost:3000";
function req(p: string, session: string): Request {
  return new Request(`${ORIGIN}${p}`, {
    headers: { host: "localhost:3000", cookie: `stepwise.session=${session}`, "user-agent": "coverage-test" },
  });
}
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

/** An API request with a token of the case's organisation (its caseworker linked to a staff account, as the API acts through them). */
let apiToken: Promise<string> | undefined;
function apiReq(p: string, c: Ctx): Promise<Request> {
  apiToken ??= (async () => {
    const staff = await (await import("@/lib/auth/provision-caseworker")).provisionCaseworker({ email: "coverage@jobcenter.example" });
    await (await import("@/lib/api/testing")).linkCaseworkerToStaff(c.fx.participants.caseworker.id, staff.id);
    return (
      await (
        await import("@/lib/api/create-api-token")
      ).createApiToken({ organisationId: await (await import("@/lib/api/testing")).homeOrganisationId(), raw: { name: "Coverage" } })
    ).token;
  })();
  return apiToken.then((token) => new Request(`${ORIGIN}${p}`, { headers: { host: "localhost:3000", authorization: `Bearer ${token}` } }));
}

const OWN_WRITE = "records the caller's own decision, entry or answer and answers only that (what they just sent, ids, times)";

const ROUTES: Record<string, Partial<Record<(typeof METHODS)[number], RouteRule>>> = {
  "app/.well-known/stepwise-keys.json/route.ts": { GET: { noCaseData: "the public keys that verify seals: nobody's data" } },
  "app/api/agreements/[id]/bundle/route.ts": {
    GET: {
      logs: "agreement_bundle",
      call: async ({ fx, sealedId }) =>
        (await import("./api/agreements/[id]/bundle/route")).GET(
          req(`/api/agreements/${sealedId}/bundle`, fx.sessions.employee),
          idParams(sealedId),
        ),
    },
  },
  "app/api/agreements/[id]/decline/route.ts": { POST: { noCaseData: OWN_WRITE } },
  "app/api/v1/agreements/[id]/export/route.ts": {
    GET: {
      logs: "agreement_export",
      call: async ({ fx, sealedId }) =>
        (await import("./api/v1/agreements/[id]/export/route")).GET(
          req(`/api/v1/agreements/${sealedId}/export?format=no-oppfolgingsplan`, fx.sessions.manager),
          idParams(sealedId),
        ),
    },
  },
  "app/api/agreements/[id]/pdf/route.ts": {
    GET: {
      logs: "agreement_pdf",
      call: async ({ fx, sealedId }) =>
        (await import("./api/agreements/[id]/pdf/route")).GET(
          req(`/api/agreements/${sealedId}/pdf`, fx.sessions.manager),
          idParams(sealedId),
        ),
    },
  },
  "app/api/agreements/[id]/plan/route.ts": {
    GET: {
      logs: "agreement",
      call: async ({ fx, sealedId }) =>
        (await import("./api/agreements/[id]/plan/route")).GET(
          req(`/api/agreements/${sealedId}/plan`, fx.sessions.manager),
          idParams(sealedId),
        ),
    },
  },
  "app/api/agreements/[id]/route.ts": {
    GET: {
      logs: "agreement_status",
      call: async ({ fx, sealedId }) =>
        (await import("./api/agreements/[id]/route")).GET(req(`/api/agreements/${sealedId}`, fx.sessions.manager), idParams(sealedId)),
    },
  },
  "app/api/agreements/[id]/seal/route.ts": { POST: { noCaseData: "makes a version binding; answers only its id and the time" } },
  "app/api/agreements/[id]/sign/route.ts": { POST: { noCaseData: OWN_WRITE } },
  "app/api/agreements/route.ts": {
    GET: {
      logs: "agreement_versions",
      call: async ({ fx }) =>
        (await import("./api/agreements/route")).GET(req(`/api/agreements?meetingId=${fx.meetingId}`, fx.sessions.union_rep)),
    },
    POST: { noCaseData: "freezes a version; answers its id, number and fingerprint" },
  },
  "app/api/auth/[...nextauth]/route.ts": {
    GET: { noCaseData: "staff sign-in (Auth.js): sessions, callbacks and redirects" },
    POST: { noCaseData: "staff sign-in (Auth.js): sessions, callbacks and redirects" },
  },
  "app/api/auth/email-link/route.ts": { POST: { noCaseData: "asks for a sign-in link; the same answer for every address" } },
  "app/api/auth/oidc-start/route.ts": { GET: { noCaseData: "starts a staff sign-in; the answer is a redirect to the IdP" } },
  "app/api/eid/start/route.ts": { GET: { noCaseData: "starts an eID sign-in; the answer is a redirect to the broker" } },
  "app/api/eid/callback/route.ts": { GET: { noCaseData: "finishes an eID sign-in; the answer is a redirect" } },
  "app/api/auth/staff-sign-out/route.ts": { POST: { noCaseData: "ends the caller's staff session" } },
  "app/api/calendar/[token]/route.ts": {
    GET: {
      noCaseData:
        "'Meeting', a time, a place and the room's address — no case content; polled by calendar apps (docs/decisions.md, Calendar)",
    },
  },
  "app/api/cases/[id]/calendar-subscription/route.ts": {
    POST: { noCaseData: "makes the caller's own calendar link" },
    DELETE: { noCaseData: "stops the caller's own calendar link" },
  },
  "app/api/cases/[id]/progress/[entryId]/route.ts": { DELETE: { noCaseData: OWN_WRITE } },
  "app/api/cases/[id]/measure-privacy/route.ts": { PUT: { noCaseData: OWN_WRITE } },
  "app/api/cases/[id]/progress/route.ts": { POST: { noCaseData: OWN_WRITE } },
  "app/api/cases/[id]/read-receipts/route.ts": { POST: { noCaseData: OWN_WRITE } },
  "app/api/meetings/[id]/access-log/route.ts": {
    GET: {
      noCaseData:
        "the access log itself (who saw the case, when, why) — never the case's content; logging its reading would fill it with itself",
    },
  },
  "app/api/meetings/[id]/answer/route.ts": { POST: { noCaseData: OWN_WRITE } },
  "app/api/meetings/[id]/complete/route.ts": {
    POST: { noCaseData: "marks the meeting completed; answers only its id and whether it changed" },
  },
  "app/api/meetings/[id]/calendar.ics/route.ts": {
    GET: { noCaseData: "'Meeting', a time, a place and the room's address, as in the invitation (docs/decisions.md, Calendar)" },
  },
  "app/api/meetings/[id]/review/route.ts": {
    GET: {
      logs: "meeting_review",
      call: async ({ fx, sealedId }) =>
        (await import("./api/meetings/[id]/review/route")).GET(
          req(`/api/meetings/${fx.meetingId}/review?agreement=${sealedId}`, fx.sessions.manager),
          idParams(fx.meetingId),
        ),
    },
  },
  "app/api/meetings/[id]/ticket/route.ts": {
    GET: { noCaseData: "connection parameters; the document opened with them is logged when the socket opens (meeting_doc, prep_doc)" },
  },
  "app/api/session/sign-out/route.ts": { POST: { noCaseData: "ends the caller's participant session" } },
  "app/api/time/route.ts": { GET: { noCaseData: "the server's clock" } },
  "app/api/test-clock/route.ts": {
    POST: { noCaseData: "moves the server's clock in tests (404 unless STEPWISE_TEST_CLOCK=1 on loopback)" },
  },
  "app/api/test-demo/route.ts": {
    POST: {
      noCaseData:
        "seeds a copy of the demo case for one browser spec (404 unless STEPWISE_TEST_CLOCK=1 on loopback); answers its links only",
    },
  },
  "app/api/v1/agreements/[id]/bundle/route.ts": {
    GET: {
      logs: "agreement_bundle",
      call: async (c) =>
        (await import("./api/v1/agreements/[id]/bundle/route")).GET(
          await apiReq(`/api/v1/agreements/${c.sealedId}/bundle`, c),
          idParams(c.sealedId),
        ),
    },
  },
  "app/api/v1/agreements/[id]/pdf/route.ts": {
    GET: {
      logs: "agreement_pdf",
      call: async (c) =>
        (await import("./api/v1/agreements/[id]/pdf/route")).GET(
          await apiReq(`/api/v1/agreements/${c.sealedId}/pdf`, c),
          idParams(c.sealedId),
        ),
    },
  },
  "app/api/v1/cases/[id]/agreements/route.ts": {
    GET: {
      logs: "agreement_versions",
      call: async (c) =>
        (await import("./api/v1/cases/[id]/agreements/route")).GET(
          await apiReq(`/api/v1/cases/${c.fx.caseId}/agreements`, c),
          idParams(c.fx.caseId),
        ),
    },
  },
  "app/api/v1/cases/[id]/assign/route.ts": {
    POST: { noCaseData: "hands the case to another caseworker; answers its id and the address the caller sent" },
  },
  "app/api/v1/cases/[id]/close/route.ts": { POST: { noCaseData: "closes the case; answers only what the caller sent" } },
  "app/api/v1/cases/[id]/meetings/route.ts": { POST: { noCaseData: "schedules a meeting; answers only its id" } },
  "app/api/v1/cases/[id]/route.ts": {
    GET: {
      logs: "case_overview",
      call: async (c) =>
        (await import("./api/v1/cases/[id]/route")).GET(await apiReq(`/api/v1/cases/${c.fx.caseId}`, c), idParams(c.fx.caseId)),
    },
  },
  "app/api/v1/cases/route.ts": {
    GET: { logs: "case_list", call: async (c) => (await import("./api/v1/cases/route")).GET(await apiReq(`/api/v1/cases`, c)) },
    POST: { noCaseData: "opens a case from what the caller sent; answers only its id" },
  },
  "app/api/v1/meetings/[id]/invitations/route.ts": {
    POST: { noCaseData: "invites the person the caller names; answers only their id and their own link" },
  },
  "app/api/v1/meetings/[id]/route.ts": {
    PATCH: { noCaseData: "moves or cancels a meeting; answers its id, status and calendar sequence" },
  },
  "app/api/v1/openapi.json/route.ts": { GET: { noCaseData: "the API's description: nobody's data" } },
  "app/api/test-deadlines/route.ts": {
    POST: { noCaseData: "seeds made-up cases for one browser spec (404 unless STEPWISE_TEST_CLOCK=1 on loopback); answers their ids only" },
  },
  "app/api/test-organisation/route.ts": {
    POST: { noCaseData: "makes an organisation and its administrator for a browser test (404 unless STEPWISE_TEST_CLOCK=1 on loopback)" },
  },
  "app/api/test-organisation/oidc/route.ts": {
    POST: { noCaseData: "sets a made-up organisation's staff IdP for a browser test (404 unless STEPWISE_TEST_CLOCK=1 on loopback)" },
  },
  "app/api/v1/me/export/route.ts": {
    GET: {
      logs: "data_export",
      call: async ({ fx }) => (await import("./api/v1/me/export/route")).GET(req(`/api/v1/me/export`, fx.sessions.employee)),
    },
  },
  "app/join/[token]/route.ts": { GET: { noCaseData: "exchanges a join link for a session and redirects" } },
  "app/join/decide/route.ts": { POST: { noCaseData: "keeps or switches this browser's session and redirects" } },
};

// ---- Pages -----------------------------------------------------------------------------------

/** A page logs through one of these calls, in its own source or the named component's. */
type PageRule = { noCaseData: string } | { logsIn: Record<string, string[]> };

const PAGES: Record<string, PageRule> = {
  "app/admin/erase-case/page.tsx": { noCaseData: "the administrator's erasure form: nothing of any case until they type an id" },
  "app/admin/page.tsx": {
    noCaseData:
      "the administrator's own organisation's staff (names, e-mail addresses, roles), its own providers and activities, and API tokens (names, dates); no case",
  },
  "app/admin/jobs/page.tsx": {
    noCaseData: "failed jobs for an administrator: queue, id, tries and error (job data holds ids; addresses are left out)",
  },
  "app/agreements/[id]/page.tsx": { logsIn: { "app/agreements/[id]/page.tsx": ["getAgreementForParticipant"] } },
  "app/agreements/page.tsx": { logsIn: { "app/agreements/page.tsx": ["recordAgreementVersionsShown"] } },
  "app/cases/[id]/page.tsx": {
    logsIn: { "app/cases/[id]/page.tsx": ["recordCaseOverviewShown"], "app/cases/[id]/participant-case-page.tsx": ["recordCasePageShown"] },
  },
  "app/cases/deadlines/page.tsx": {
    logsIn: {
      "app/cases/deadlines/page.tsx": ["listDeadlineWorkList"],
      "lib/deadlines/list-deadline-work-list.ts": ["recordAccessMerged"],
    },
  },
  "app/cases/new/page.tsx": { noCaseData: "the form for a new case" },
  "app/cases/page.tsx": { logsIn: { "app/cases/page.tsx": ["recordCaseListShown"] } },
  "app/join/confirm/page.tsx": { noCaseData: "the names of this browser's participant and the link's, shown to whoever holds both" },
  "app/join/invalid/page.tsx": { noCaseData: "why a link could not be opened" },
  "app/me/page.tsx": { logsIn: { "app/_components/due-from-me-section.tsx": ["recordDueListShown"] } },
  "app/meetings/[id]/access-log/page.tsx": { noCaseData: "the access log itself (see the route above)" },
  "app/meetings/[id]/agreement/page.tsx": {
    logsIn: { "app/meetings/[id]/agreement/page.tsx": ["getAgreementForParticipant", "recordMeetingRoomShown"] },
  },
  "app/meetings/[id]/page.tsx": { logsIn: { "app/meetings/[id]/page.tsx": ["recordMeetingRoomShown"] } },
  "app/meetings/[id]/present/page.tsx": { logsIn: { "app/meetings/[id]/present/page.tsx": ["recordMeetingRoomShown"] } },
  "app/page.tsx": { logsIn: { "app/_components/due-from-me-section.tsx": ["recordDueListShown"] } },
  "app/reminders/unsubscribe/page.tsx": { noCaseData: "asks to stop one kind of reminder, named by a signed link; nothing of the case" },
  "app/signed-out/page.tsx": { noCaseData: "says the session ended" },
  "app/eid/page.tsx": { noCaseData: "says an eID confirmation did not work" },
  "app/signin/check-email/page.tsx": { noCaseData: "says where the sign-in link went" },
  "app/signin/page.tsx": { noCaseData: "the staff sign-in form" },
  "app/verify/page.tsx": { noCaseData: "checks a bundle the visitor uploads themselves" },
};

// ---- The walk --------------------------------------------------------------------------------

let tdb: TestDatabase;
let ctx: Ctx;
beforeAll(async () => {
  tdb = await createTestDatabase();
  const bound = await createBoundCase();
  ctx = { fx: bound, sealedId: bound.agreementId };
});
afterAll(async () => {
  await tdb.drop();
});

describe("access-log coverage (issue 12.7)", () => {
  it("lists every route handler under app/ and each method it exports, and nothing that is gone", () => {
    const found = Object.fromEntries(walk(APP, /^route\.(ts|tsx|js)$/).map((f) => [f, exportedMethods(f)]));
    const listed = Object.fromEntries(Object.entries(ROUTES).map(([f, m]) => [f, Object.keys(m)]));
    expect(found, "a new route: add it to ROUTES with a call that must log, or the reason it shows no case data").toEqual(listed);
  });

  it("lists every page under app/, and nothing that is gone", () => {
    expect(walk(APP, /^page\.tsx$/)).toEqual(Object.keys(PAGES).sort());
  });

  for (const [file, methods] of Object.entries(ROUTES)) {
    for (const [method, rule] of Object.entries(methods)) {
      if (!("logs" in rule)) continue;
      it(`attack 12.7: ${method} ${file.replace(/^app|\/route\.ts$/g, "")} cannot show case data without an access-log row`, async () => {
        const before = await accessLogOf(ctx.fx.caseId);
        const res = await rule.call(ctx);
        expect(res.status, await res.clone().text()).toBeLessThan(300);
        const after = await accessLogOf(ctx.fx.caseId);
        const added = after.slice(0, after.length - before.length);
        expect(added.map((r) => r.what)).toContain(rule.logs);
      });
    }
  }

  for (const [page, rule] of Object.entries(PAGES)) {
    if (!("logsIn" in rule)) continue;
    it(`the page ${page} records what it shows`, () => {
      for (const [file, calls] of Object.entries(rule.logsIn)) {
        const src = readFileSync(path.join(path.dirname(APP), file), "utf8");
        expect(
          calls.some((c) => src.includes(c)),
          `${file} calls one of ${calls.join(", ")}`,
        ).toBe(true);
      }
    });
  }
});
