import { expect, test } from "@playwright/test";
import { caseworkerPage } from "./staff-helpers";

/**
 * Issue 15: an administrator manages the organisation's API tokens on /admin — a refused name is
 * marked on its field, a new token is shown once (with a copy button) and works on /api/v1/, and
 * revoking asks again (Escape keeps it) and refuses the token from its next call.
 */
const run = Date.now().toString(36);

test("an administrator makes a token, sees it once, and revokes it", async ({ browser, request }) => {
  const adminEmail = `tokens-${run}@aarhus.example`;
  const made = await request.post("/api/test-organisation", {
    data: { name: `Jobcenter Tokens ${run}`, country: "DK", adminEmail, adminName: "Anne Admin" },
  });
  expect(made.status()).toBe(201);
  const page = await caseworkerPage(browser, adminEmail);
  await page.goto("/admin");
  const section = page.getByTestId("api-tokens");
  await expect(section.getByTestId("api-tokens-none")).toBeVisible();

  // An empty name: the error sits on the field, and the focus goes there.
  await section.getByTestId("create-token-submit").click();
  await expect(section.getByTestId("token-name")).toBeFocused();
  await expect(section.getByTestId("token-name")).toHaveAttribute("aria-invalid", "true");
  await expect(section.locator("#token-name-error")).toHaveText("Skriv systemets navn.");

  await section.getByTestId("token-name").fill("Fagsystem");
  await section.getByTestId("create-token-submit").click();
  const issued = section.getByTestId("issued-token");
  await expect(issued).toContainText("viser vi den ikke igen");
  const token = await section.getByTestId("issued-token-value").inputValue();
  expect(token).toMatch(/^stw_[A-Za-z0-9_-]{43}$/);
  await expect(section.getByTestId("issued-token-copy")).toBeVisible();
  const row = section.locator('[data-testid="api-token-row"][data-name="Fagsystem"]');
  await expect(row.getByTestId("api-token-status")).toHaveText("Aktiv");
  expect((await request.get("/api/v1/cases", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);

  // Shown once: after "I have stored it" it is nowhere on the page, not even after a reload.
  await section.getByTestId("issued-token-done").click();
  await expect(section.getByTestId("token-name")).toBeFocused();
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  expect(await page.content()).not.toContain(token);

  // Revoking asks again; Escape keeps the token and gives the focus back.
  await row.getByTestId("api-token-revoke").click();
  await expect(row.getByTestId("api-token-revoke-confirm")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(row.getByTestId("api-token-revoke")).toBeFocused();
  await row.getByTestId("api-token-revoke").click();
  await row.getByTestId("api-token-revoke-confirm").click();
  await expect(row.getByTestId("api-token-row-status")).toBeFocused();
  await expect(row.getByTestId("api-token-row-status")).toHaveText("Nøglen Fagsystem er lukket.");
  await expect(row.getByTestId("api-token-status")).toContainText("Lukket");
  expect((await request.get("/api/v1/cases", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});
