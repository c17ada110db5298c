import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionCaseworker } from "@/lib/auth/provision-caseworker";
import { latestLinkFor, outboxFiles, sessionCookieOf, authRequest, useTempDataDir } from "@/lib/auth/testing";
import { runDueJobs } from "@/lib/system/work-jobs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET as authGet } from "../[...nextauth]/route";
import { POST } from "./route";

/**
 * POST /api/auth/email-link called directly, as a stranger with curl would: the mailed link is
 * built on the public URL whatever Host the request names (12.1), and the answer for a known and
 * an unknown address is the same byte for byte (12.9). The e2e spec e2e/sign-in-attacks.spec.ts
 * makes the same attacks over HTTP against a running server.
 */
let tdb: TestDatabase;
const KNOWN = "known.caseworker@kommune.example";
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
  await provisionCaseworker({ email: KNOWN });
});
afterAll(async () => {
  await tdb.drop();
});

let ip = 0;
function post(body: Record<string, string>, opts: { json: boolean; headers?: Record<string, string> }): Request {
  const headers: Record<string, string> = {
    host: "evil.example",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    origin: "https://evil.example",
    "x-forwarded-for": `203.0.113.${++ip}`,
    "content-type": opts.json ? "application/json" : "application/x-www-form-urlencoded",
    ...opts.headers,
  };
  return new Request("http://evil.example/api/auth/email-link", {
    method: "POST",
    headers,
    body: opts.json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
}

async function snapshot(res: Response) {
  const headers = [...res.headers.entries()].filter(([k]) => k !== "date");
  return { status: res.status, headers, cookies: res.headers.getSetCookie(), body: await res.text() };
}

describe("POST /api/auth/email-link", () => {
  it("mails a link on the public URL, whatever Host and X-Forwarded-Host the request names, and the link signs in", async () => {
    const before = outboxFiles().length;
    const res = await POST(post({ email: KNOWN, callbackUrl: "/cases" }, { json: true }));
    expect(res.status).toBe(202);
    await runDueJobs();
    expect(outboxFiles().length).toBe(before + 1);
    const link = latestLinkFor(KNOWN);
    expect(link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/callback\/email\?/);
    expect(link).not.toContain("evil");
    const opened = await authRequest(link);
    expect(opened.headers.get("location")).toBe("http://localhost:3000/cases");
    expect(sessionCookieOf(opened)).toBeTruthy();
  });

  it("answers Auth.js's own routes on the public URL too, whatever Host they name", async () => {
    await POST(post({ email: KNOWN, callbackUrl: "/cases" }, { json: true }));
    await runDueJobs();
    const link = new URL(latestLinkFor(KNOWN));
    const res = await authGet(
      new Request(`http://evil.example${link.pathname}${link.search}`, {
        headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
      }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("http://localhost:3000/cases");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(sessionCookieOf(res)).toBeTruthy();
  });

  for (const json of [true, false]) {
    it(`answers a known and an unknown address the same, byte for byte (${json ? "JSON" : "form post"})`, async () => {
      const known = await snapshot(await POST(post({ email: KNOWN, callbackUrl: "/cases" }, { json })));
      const unknown = await snapshot(await POST(post({ email: "nobody@kommune.example", callbackUrl: "/cases" }, { json })));
      expect(known.status).toBe(json ? 202 : 303);
      expect(known.cookies).toEqual([]);
      expect(unknown).toEqual(known);
    });
  }
});
