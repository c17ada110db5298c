import { expect, test, type Browser } from "@playwright/test";
import { caseworkerPage, newMessageFor, outboxFor } from "./staff-helpers";

/**
 * Issue 15: two organisations side by side. Each administrator sees only their own staff on
 * /admin, invites a colleague (who is told by e-mail where to sign in), and closes a colleague's
 * access: the colleague's open page is signed out at once.
 */
const run = Date.now().toString(36);

async function organisation(browser: Browser, name: string, country: "DK" | "NO", adminEmail: string) {
  const ctx = await browser.newContext();
  const res = await ctx.request.post("/api/test-organisation", { data: { name, country, adminEmail, adminName: `Admin ${name}` } });
  expect(res.status()).toBe(201);
  await ctx.close();
}

test("each administrator sees only their own organisation's staff, invites and closes access", async ({ browser }) => {
  const aarhus = { name: `Jobcenter Aarhus ${run}`, admin: `admin-${run}@aarhus.example`, colleague: `bo-${run}@aarhus.example` };
  const nav = { name: `NAV Grünerløkka ${run}`, admin: `admin-${run}@nav.example` };
  await organisation(browser, aarhus.name, "DK", aarhus.admin);
  await organisation(browser, nav.name, "NO", nav.admin);

  const a = await caseworkerPage(browser, aarhus.admin);
  const n = await caseworkerPage(browser, nav.admin);
  await a.getByTestId("staff-admin-link").click();
  await expect(a.getByRole("heading", { level: 1 })).toContainText(aarhus.name);
  await n.goto("/admin");
  await expect(n.getByRole("heading", { level: 1 })).toContainText(nav.name);

  // Invite: a refused submit ties the error to the field and puts focus there.
  await a.getByTestId("invite-email").fill("not an address");
  await a.getByTestId("invite-name").fill("Bo Berg");
  await a.getByTestId("invite-staff-submit").click();
  await expect(a.getByTestId("invite-email")).toBeFocused();
  await expect(a.getByTestId("invite-email")).toHaveAttribute("aria-invalid", "true");
  await expect(a.locator("#invite-email-error")).not.toBeEmpty();
  const seen = outboxFor(aarhus.colleague);
  await a.getByTestId("invite-email").fill(aarhus.colleague);
  await a.getByTestId("invite-staff-submit").click();
  await expect(a.getByTestId("invite-staff-done")).toBeFocused();
  await newMessageFor(aarhus.colleague, seen);

  // Each sees their own, never the other's.
  const aList = a.getByTestId("staff-list");
  await expect(aList.locator(`[data-email="${aarhus.colleague}"]`)).toBeVisible();
  await expect(aList.locator(`[data-email="${aarhus.admin}"]`)).toBeVisible();
  await expect(aList.locator(`[data-email="${nav.admin}"]`)).toHaveCount(0);
  await n.reload();
  const nList = n.getByTestId("staff-list");
  await expect(nList.locator(`[data-email="${nav.admin}"]`)).toBeVisible();
  await expect(nList.locator("[data-testid=staff-row]")).toHaveCount(1);

  // The colleague signs in; closing their access signs them out at once.
  const bo = await caseworkerPage(browser, aarhus.colleague);
  const row = aList.locator(`[data-email="${aarhus.colleague}"]`);
  await row.getByTestId("staff-deactivate").click();
  await expect(row.getByTestId("staff-row-status")).toBeFocused();
  await expect(row.getByTestId("staff-reactivate")).toBeVisible();
  await bo.reload();
  await expect(bo).toHaveURL(/\/signin/);
  await row.getByTestId("staff-reactivate").click();
  await expect(row.getByTestId("staff-deactivate")).toBeVisible();

  // The administrator's other pages are one link away: failed jobs and erasing a case.
  await a.getByTestId("admin-jobs-link").click();
  await expect(a.getByTestId("dead-letters-page")).toBeVisible();
  await a.goBack();
  await a.getByTestId("admin-erase-link").click();
  await expect(a.getByTestId("erase-case-page")).toBeVisible();

  // Signed in again, a caseworker finds no admin page.
  const boAgain = await caseworkerPage(browser, aarhus.colleague);
  const res = await boAgain.goto("/admin");
  expect(res?.status()).toBe(404);
});
