import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { ownDemo } from "./demo-links";
import { joinAs } from "./room-helpers";

/** Security headers on pages and API answers, and the Origin check on every mutating route handler. */
const meetingId = async () => new URL((await ownDemo()).meetingUrl).pathname.split("/").pop()!;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectSecurityHeaders(res: APIResponse, what: string): Map<string, string[]> {
  const h = res.headers();
  expect(h["content-security-policy"], what).toBeTruthy();
  const d = directives(h["content-security-policy"]!);
  // Pages run scripts only with their response's nonce; API answers run none (and carry no nonce).
  if (new URL(res.url()).pathname.startsWith("/api/")) expect(d.get("script-src"), what).toEqual(["'none'"]);
  else
    expect(d.get("script-src"), what).toEqual(
      expect.arrayContaining(["'strict-dynamic'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{20,}'$/)]),
    );
  expect(d.get("object-src"), what).toEqual(["'none'"]);
  expect(d.get("base-uri"), what).toEqual(["'none'"]);
  expect(d.get("frame-ancestors"), what).toBeTruthy();
  expect(d.get("connect-src"), what).toEqual(expect.arrayContaining(["'self'", expect.stringMatching(/^ws:\/\//)]));
  const remote = [...d.entries()].filter(([k]) => k !== "connect-src").flatMap(([, v]) => v.filter((x) => /^(https?|wss?):/.test(x)));
  expect(remote, `${what}: no remote sources`).toEqual([]);
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(["strict-origin-when-cross-origin", "no-referrer"], what).toContain(h["referrer-policy"]);
  expect(h["cache-control"], what).toContain("no-store");
  return d;
}

const nonceOf = (res: APIResponse) => /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];

test.describe("security headers", () => {
  test("pages: CSP with a fresh nonce per request that Next puts on its scripts, framing refused", async ({ request }) => {
    for (const url of ["/", "/signed-out", "/join/invalid?reason=unknown", (await ownDemo()).meetingUrl]) {
      const a = await request.get(url);
      const b = await request.get(url);
      const d = expectSecurityHeaders(a, url);
      expect(d.get("frame-ancestors"), url).toEqual(["'none'"]);
      expect(a.headers()["x-frame-options"]).toBe("DENY");
      expect(nonceOf(a)).not.toBe(nonceOf(b));
      const html = await a.text();
      const nonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
      expect(nonces.length, `${url}: scripts carry the nonce`).toBeGreaterThan(0);
      expect(new Set(nonces), url).toEqual(new Set([nonceOf(a)]));
    }
  });

  test("the room, the preparation and the access log run under the policy without a single violation", async ({ browser }) => {
    const employee = await joinAs(browser, (await ownDemo()).links.employee);
    const violations: string[] = [];
    employee.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await employee.reload();
    await expect(employee.getByTestId("connection-status")).toHaveAttribute("data-status", "saved");
    await employee.getByTestId("prep-toggle").click();
    await expect(employee.locator('[data-testid="prep-status"][data-status="saved"]')).toBeVisible();
    await employee.getByTestId("access-log-link").click();
    await expect(employee.getByTestId("access-log")).toBeVisible();
    expect(violations).toEqual([]);
    await employee.context().close();
  });

  test("API answers: the same headers, and no-store on every one that carries personal data", async ({ browser, request }) => {
    const employee = await joinAs(browser, (await ownDemo()).links.employee);
    const id = await meetingId();
    const answers: [string, APIResponse][] = [
      ["ticket 401", await request.get(`/api/meetings/${id}/ticket`)],
      ["ticket", await employee.request.get(`/api/meetings/${id}/ticket`)],
      ["prep ticket", await employee.request.get(`/api/meetings/${id}/ticket?doc=prep`)],
      ["access log", await employee.request.get(`/api/meetings/${id}/access-log`)],
      ["join", await request.get(`/join/not-a-token`, { maxRedirects: 0 })],
    ];
    for (const [what, res] of answers) expectSecurityHeaders(res, what);
    expect(answers[1]![1].status()).toBe(200);
    // A URL that can hold a token sends no referrer at all; everything else at most our origin.
    expect(answers[4]![1].headers()["referrer-policy"]).toBe("no-referrer");
    expect(answers[0]![1].headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    await employee.context().close();
  });

  test("the shared-screen view is the only one that may be framed (by FRAME_ANCESTORS only, none configured here)", async ({ request }) => {
    const res = await request.get(`/meetings/${await meetingId()}/present`);
    const d = expectSecurityHeaders(res, "present");
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(res.headers()["x-frame-options"]).toBeUndefined();
  });
});

/** Every route handler under app/ that exports a mutating method, as a concrete URL. */
function mutatingRoutes(): { url: string; method: string }[] {
  const out: { url: string; method: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/^route\.(ts|tsx|js)$/.test(name)) {
        const src = readFileSync(p, "utf8");
        const methods = new Set<string>();
        for (const m of src.matchAll(/export\s+(?:async\s+)?function\s+(POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
        for (const m of src.matchAll(/export\s+const\s*\{([^}]*)\}/g))
          for (const x of m[1]!.matchAll(/\b(POST|PUT|PATCH|DELETE)\b/g)) methods.add(x[1]!);
        for (const m of src.matchAll(/export\s+const\s+(POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
        const segments = path
          .relative("app", path.dirname(p))
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s))
          .map((s) =>
            s.startsWith("[...") || s.startsWith("[[...") ? "signin/x" : s.startsWith("[") ? "00000000-0000-4000-8000-000000000000" : s,
          );
        for (const method of methods) out.push({ url: `/${segments.join("/")}`, method });
      }
    }
  };
  walk("app");
  return out;
}

test.describe("Origin check on every mutating request", () => {
  const routes = mutatingRoutes();

  test("finds the mutating route handlers", () => {
    expect(routes.map((r) => r.url)).toContain("/api/session/sign-out");
  });

  test("refuses cross-site, null and (with a cookie) missing Origins with 403 on every one", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    const cases: [string, Record<string, string>][] = [
      ["evil.example", { Origin: "https://evil.example", Cookie: "stepwise.session=x" }],
      ["evil.example without cookie", { Origin: "https://evil.example" }],
      ["null", { Origin: "null", Cookie: "stepwise.session=x" }],
      ["missing with cookie", { Cookie: "stepwise.session=x" }],
      ["cross-site fetch", { "Sec-Fetch-Site": "cross-site" }],
    ];
    for (const { url, method } of routes) {
      for (const [name, headers] of cases) {
        const res = await ctx.fetch(url, {
          method,
          headers: { "Content-Type": "application/json", ...headers },
          data: "{}",
          maxRedirects: 0,
        });
        expect(res.status(), `${method} ${url} with ${name}`).toBe(403);
        expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      }
    }
    // A Server Action is a POST to a page: refused the same way.
    const action = await ctx.fetch("/", {
      method: "POST",
      headers: { Origin: "https://evil.example", "Next-Action": "0".repeat(40) },
      data: "[]",
    });
    expect(action.status()).toBe(403);
    await ctx.dispose();
  });

  test("lets our own pages through", async ({ browser }) => {
    const page = await joinAs(browser, (await ownDemo()).links.manager);
    const res = await page.request.post("/api/session/sign-out", {
      headers: { Origin: new URL((await ownDemo()).meetingUrl).origin },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(303);
    await page.context().close();
  });
});
