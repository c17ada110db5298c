import AxeBuilder from "@axe-core/playwright";
import { expect, request, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { caseworkerPage } from "./staff-helpers";

type Seeded = { dkCaseId: string; dkSoonCaseId: string; noCaseId: string; noEmail: string };

/** Made-up Danish and Norwegian cases with sick-leave starts, owned by a caseworker of their own (POST /api/test-deadlines). */
async function seed(email: string): Promise<Seeded> {
  const api = await request.newContext({ baseURL: BASE_URL });
  const res = await api.post("/api/test-deadlines", { headers: { origin: BASE_URL }, data: { email } });
  expect(res.status(), await res.text()).toBe(201);
  const ids = (await res.json()) as Seeded;
  await api.dispose();
  return ids;
}

test("the case page lists the law's deadlines of a Danish and a Norwegian case, and the work list what is due this week and missed", async ({
  browser,
}) => {
  const email = `deadlines.${test.info().workerIndex}.${Date.now()}@kommune.example`;
  const ids = await seed(email);
  const page = await caseworkerPage(browser, email);

  // Denmark: the first follow-up was held 10 days ago (met), the next is due within 4 weeks of it.
  await page.goto(`/cases/${ids.dkCaseId}`);
  const dk = page.getByTestId("deadlines-section");
  await expect(dk.getByRole("heading", { name: "Lovens frister" })).toBeVisible();
  await expect(dk.locator('[data-rule="dk.firstFollowUp"]')).toHaveAttribute("data-status", "met");
  await expect(dk.locator('[data-rule="dk.firstFollowUp"]')).toContainText("Sygedagpengeloven § 13 b");
  await expect(dk.locator('[data-rule="dk.followUp"]')).toHaveAttribute("data-status", "upcoming");
  await expect(dk.locator('[data-rule="dk.reassessment"]')).toContainText("Revurdering (uge 22)");
  await expect(dk.locator('[data-rule^="no."]')).toHaveCount(0);
  const onCase = await new AxeBuilder({ page }).include('[data-testid="deadlines-section"]').analyze();
  expect(onCase.violations.map((v) => v.id)).toEqual([]);

  // The Danish work list, from the case list: due this week (Dan's first follow-up in 3 days).
  await page.goto("/cases");
  await page.getByTestId("deadlines-link").click();
  await expect(page).toHaveURL(/\/cases\/deadlines$/);
  const due = page.getByTestId("work-list-due");
  await expect(due.getByTestId("work-list-item")).toHaveCount(1);
  await expect(due.getByTestId("work-list-item")).toContainText("Dan Snart");
  await expect(due.getByTestId("work-list-item")).toHaveAttribute("data-rule", "dk.firstFollowUp");
  await expect(page.getByTestId("deadline-work-list")).not.toContainText("Dina Dansk");
  // Another organisation's case is not hers: not on her list, and its page does not exist for her.
  await expect(page.getByTestId("deadline-work-list")).not.toContainText("Nora Norsk");
  const onList = await new AxeBuilder({ page }).include('[data-testid="deadline-work-list"]').analyze();
  expect(onList.violations.map((v) => v.id)).toEqual([]);
  const foreign = await page.goto(`/cases/${ids.noCaseId}`);
  expect(foreign?.status()).toBe(404);
  await page.context().close();

  // Norway, the NAV office's veileder: 40 days in without a signed follow-up plan, the employer's
  // 4-week deadline is missed; her work list says so, and the name leads to the case's deadlines.
  const veileder = await caseworkerPage(browser, ids.noEmail);
  await veileder.goto("/cases/deadlines");
  const missed = veileder.getByTestId("work-list-missed");
  await expect(missed.getByTestId("work-list-item").filter({ hasText: "Nora Norsk" })).toHaveAttribute("data-rule", "no.followUpPlan");
  await missed.getByRole("link", { name: "Nora Norsk" }).click();
  await expect(veileder).toHaveURL(new RegExp(`/cases/${ids.noCaseId}#deadlines$`));
  const no = veileder.getByTestId("deadlines-section");
  await expect(no.locator('[data-rule="no.followUpPlan"]')).toHaveAttribute("data-status", "missed");
  await expect(no.locator('[data-rule="no.followUpPlan"]')).toContainText("Arbeidsmiljøloven § 4-6 (3)");
  await expect(no.locator('[data-rule="no.dialogueMeeting1"]')).toHaveAttribute("data-status", "upcoming");
  await expect(no.locator('[data-rule="no.dialogueMeeting2"]')).toContainText("Folketrygdloven § 8-7 a");
  await expect(no.locator('[data-rule^="dk."]')).toHaveCount(0);
});
