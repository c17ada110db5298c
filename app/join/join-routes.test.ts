import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveSessionsOf, withdrawLinksOf } from "@/lib/testing/access";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET as openLink } from "./[token]/route";
import { POST as decide } from "./decide/route";
import { meOfSession } from "@/lib/testing/actors";

/**
 * /join/<token> and /join/decide called directly. A browser signed in as one participant that
 * opens another participant's link is asked before its session is replaced (issue 12.11); the
 * e2e spec e2e/join-switch.spec.ts does the same in Chromium, with the page in between.
 */
let tdb: TestDatabase;
let f: FixtureCase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  f = await createFixtureCase();
});
afterAll(async () => {
  await tdb.drop();
});

const ORIGIN = "http://localhost:3000";
/** createFixtureCase opens one session per participant; "nothing opened" means still just that one. */
const FIXTURE_SESSIONS = 1;
const params = (token: string) => ({ params: Promise.resolve({ token }) });
const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

function get(token: string, cookies: Record<string, string> = {}): Promise<Response> {
  return openLink(
    new Request(`${ORIGIN}/join/${token}`, { headers: { host: "localhost:3000", cookie: cookieHeader(cookies) } }),
    params(token),
  );
}
function post(choice: string | null, cookies: Record<string, string>, origin: string | null = ORIGIN): Promise<Response> {
  const headers: Record<string, string> = {
    host: "localhost:3000",
    cookie: cookieHeader(cookies),
    "content-type": "application/x-www-form-urlencoded",
  };
  if (origin) headers.origin = origin;
  return decide(
    new Request(`${ORIGIN}/join/decide`, {
      method: "POST",
      headers,
      body: choice === null ? "" : new URLSearchParams({ choice }).toString(),
    }),
  );
}
/** `name → value` of the cookies an answer sets (an empty value = deleted). */
function setCookies(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(";")[0]!.split("=") as [string, string]));
}

async function signedInAs(token: string): Promise<string> {
  const res = await get(token);
  expect(res.status).toBe(303);
  const session = setCookies(res)["stepwise.session"];
  expect(session).toBeTruthy();
  return session!;
}

describe("GET /join/<token>", () => {
  it("attack 12.11: another participant's link does not silently replace this browser's session", async () => {
    const mine = await signedInAs(f.participants.employee.joinToken);
    const res = await get(f.participants.manager.joinToken, { "stepwise.session": mine });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/join/confirm");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const set = setCookies(res);
    expect(set["stepwise.session"]).toBeUndefined();
    expect(set["stepwise.pending-join"]).toBe(f.participants.manager.joinToken);
    expect(res.headers.getSetCookie()[0]).toMatch(/HttpOnly/i);
    expect(res.headers.getSetCookie()[0]).toMatch(/Path=\/join/i);
    // Nothing was opened for the manager; the employee is still the employee.
    expect(await liveSessionsOf(f.participants.manager.id)).toBe(FIXTURE_SESSIONS);
    expect((await meOfSession(mine)).role).toBe("employee");
  });

  it("lets the same participant open their own link again without a question", async () => {
    const mine = await signedInAs(f.participants.union_rep.joinToken);
    const res = await get(f.participants.union_rep.joinToken, { "stepwise.session": mine });
    expect(res.headers.get("location")).toBe(`/meetings/${f.meetingId}`);
    expect(setCookies(res)["stepwise.session"]).toBeTruthy();
  });

  it("asks nothing when the session has ended, or the link can no longer be used", async () => {
    const g = await createFixtureCase();
    const mine = await signedInAs(g.participants.employee.joinToken);
    await withdrawLinksOf(g.participants.observer.id);
    const gone = await get(g.participants.observer.joinToken, { "stepwise.session": mine });
    expect(gone.headers.get("location")).toBe("/join/invalid?reason=gone");
    expect(setCookies(gone)["stepwise.session"]).toBeUndefined();
    const stale = await get(g.participants.manager.joinToken, { "stepwise.session": "x".repeat(43) });
    expect(stale.headers.get("location")).toBe(`/meetings/${g.meetingId}`);
  });
});

describe("POST /join/decide", () => {
  it("keeps the session and spends nothing on 'keep', forgetting the waiting link", async () => {
    const mine = await signedInAs(f.participants.employee.joinToken);
    const res = await post("keep", { "stepwise.session": mine, "stepwise.pending-join": f.participants.observer.joinToken });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/meetings/${f.meetingId}`);
    const set = setCookies(res);
    expect(set["stepwise.session"]).toBeUndefined();
    expect(set["stepwise.pending-join"]).toBe("");
    expect(await liveSessionsOf(f.participants.observer.id)).toBe(FIXTURE_SESSIONS);
  });

  it("switches to the waiting link's participant on 'switch'", async () => {
    const mine = await signedInAs(f.participants.employee.joinToken);
    const res = await post("switch", { "stepwise.session": mine, "stepwise.pending-join": f.participants.caseworker.joinToken });
    expect(res.headers.get("location")).toBe(`/meetings/${f.meetingId}`);
    const next = setCookies(res)["stepwise.session"];
    expect(next).toBeTruthy();
    expect((await meOfSession(next)).role).toBe("caseworker");
    expect(setCookies(res)["stepwise.pending-join"]).toBe("");
  });

  it("treats an unknown choice as 'keep', sends a browser with nothing waiting home, and refuses another origin", async () => {
    const mine = await signedInAs(f.participants.employee.joinToken);
    const odd = await post("maybe", { "stepwise.session": mine, "stepwise.pending-join": f.participants.observer.joinToken });
    expect(setCookies(odd)["stepwise.session"]).toBeUndefined();
    expect((await post("switch", { "stepwise.session": mine })).headers.get("location")).toBe("/");
    const foreign = await post(
      "switch",
      { "stepwise.session": mine, "stepwise.pending-join": f.participants.observer.joinToken },
      "https://evil.example",
    );
    expect(foreign.status).toBe(403);
    expect(await liveSessionsOf(f.participants.observer.id)).toBe(FIXTURE_SESSIONS);
  });

  it("says calmly when the waiting link was withdrawn meanwhile", async () => {
    const g = await createFixtureCase();
    const mine = await signedInAs(g.participants.employee.joinToken);
    await withdrawLinksOf(g.participants.manager.id);
    const res = await post("switch", { "stepwise.session": mine, "stepwise.pending-join": g.participants.manager.joinToken });
    expect(res.headers.get("location")).toBe("/join/invalid?reason=gone");
  });
});
