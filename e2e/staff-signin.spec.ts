import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { demoLinks } from "./demo-links";
import { outboxFor, signInFromOutbox } from "./staff-helpers";

const post = (request: import("@playwright/test").APIRequestContext, data: unknown) =>
  request.post("/api/auth/email-link", { data, headers: { Origin: BASE_URL } });

test.describe("staff sign-in", () => {
  test("the sign-in page is calm and accessible, and sends participants to their link", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // No IdP is offered unless an organisation configured one (lib/auth/oidc.test.ts). On this shared
    // server another spec file may already have (staff-oidc.spec.ts; files run in any order): each
    // offered IdP is a link to its own start.
    for (const idp of await page.getByTestId("signin-oidc").all()) {
      await expect(idp).toHaveAttribute("href", /^\/api\/auth\/oidc-start\?provider=oidc-[0-9a-f-]{36}&/);
    }
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.getByTestId("signin-email").fill("not an address");
    await page.getByTestId("signin-submit").click();
    await expect(page.getByTestId("signin-email-error")).not.toBeEmpty();
    await expect(page.getByTestId("signin-email")).toHaveValue("not an address");
  });

  test("an unknown address gets the same answer as a known one, and nothing is written for it", async ({ request, page }) => {
    const unknown = "nobody.here@jobcenter.example";
    const known = await post(request, { email: demoLinks().caseworkerEmail });
    const stranger = await post(request, { email: unknown });
    expect(stranger.status()).toBe(known.status());
    expect(stranger.status()).toBe(202);
    expect(await stranger.json()).toEqual(await known.json());
    expect((await post(request, { email: "" })).status()).toBe(400);

    await page.goto("/signin");
    await page.getByTestId("signin-email").fill(unknown);
    await page.getByTestId("signin-submit").click();
    await expect(page.getByTestId("check-email")).toBeVisible();
    await expect(page.getByTestId("outbox-hint")).toBeVisible();
    expect(outboxFor(unknown)).toEqual([]);
  });

  test("without JavaScript the plain form post gets 303 to the same pages", async ({ request }) => {
    const form = (email: string) =>
      request.post("/api/auth/email-link", { form: { email, callbackUrl: "/cases" }, headers: { Origin: BASE_URL }, maxRedirects: 0 });
    const ok = await form("someone.else@jobcenter.example");
    expect(ok.status()).toBe(303);
    expect(ok.headers()["location"]).toBe("/signin/check-email");
    const bad = await form("no address");
    expect(bad.status()).toBe(303);
    expect(bad.headers()["location"]).toBe("/signin?error=invalid_email");
  });

  test("too many requests for one address get 429 with a calm message", async ({ request }) => {
    const email = "hammering@elsewhere.example";
    for (let i = 0; i < 10; i++) expect((await post(request, { email })).status()).toBe(202);
    const over = await post(request, { email });
    expect(over.status()).toBe(429);
    expect(Number(over.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await over.json()).error).toBe("RATE_LIMITED");
  });

  test("Auth.js's own e-mail endpoint is closed, so the limit cannot be bypassed", async ({ request }) => {
    const res = await request.post("/api/auth/signin/email", {
      form: { email: demoLinks().caseworkerEmail },
      headers: { Origin: BASE_URL },
    });
    expect(res.status()).toBe(404);
  });

  test("a link works once; sign-out ends the session and the old cookie opens nothing", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const email = demoLinks().caseworkerEmail;
    const used = await signInFromOutbox(page, email);
    await expect(page.getByTestId("staff-who")).toContainText("Mette");
    const cookies = await context.cookies();

    // The same link again: calm words, no session.
    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(used);
    await expect(second).toHaveURL(/\/signin\?error=Verification/);
    await expect(second.getByTestId("signin-error")).toBeVisible();
    await other.close();

    await page.getByTestId("staff-sign-out").click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
    await expect(page.getByTestId("signed-out-notice")).toBeVisible();
    await page.goto("/cases");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcases$/);

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const r = await replay.newPage();
    await r.goto("/cases");
    await expect(r).toHaveURL(/\/signin/);
    await replay.close();
    await context.close();
  });
});
