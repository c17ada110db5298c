import { expect, test, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";
import { joinAs, waitSaved } from "./room-helpers";

/** Open a case from /cases/new with a reference (no meeting). */
async function openCase(page: Page, employeeName: string, reference: string): Promise<void> {
  await page.goto("/cases/new");
  await page.getByTestId("case-employee-name").fill(employeeName);
  await page.getByTestId("case-track-employed").check();
  await page.getByTestId("case-employer").fill("Kontorhuset ApS");
  await page.getByTestId("case-reference").fill(reference);
  await page.getByTestId("case-sick-leave-start").fill("2026-01-05");
  await page.getByTestId("case-submit").click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
}

test("the caseworker closes a case: it is read-only, the room too; reopened with a reason it takes changes again", async ({ browser }) => {
  const caseworker = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  const { caseUrl, meetingUrl } = await openCaseWithMeeting(caseworker, "Case to close");
  // A manager in the room, editing: closing the case turns their room read-only.
  const link = await invite(caseworker, "manager", "Lars Leder");
  const manager = await joinAs(browser, link);
  await waitSaved(manager);

  await caseworker.goto(caseUrl);
  await caseworker.getByTestId("close-case-toggle").click();
  await caseworker.getByTestId("close-case-submit").click();
  // No outcome chosen: the field says so, nothing is closed.
  await expect(caseworker.getByTestId("close-outcome")).toHaveAttribute("aria-invalid", "true");
  await expect(caseworker.getByTestId("close-outcome")).toBeFocused();
  await caseworker.getByTestId("close-outcome").selectOption("partial_return");
  await caseworker.getByTestId("close-case-submit").click();
  await expect(caseworker.getByTestId("case-closed-notice")).toBeVisible();
  // The form that had the focus is gone: the focus is on the case's new state, not on <body>.
  await expect(caseworker.getByTestId("case-state-shown")).toBeFocused();
  await expect(caseworker.getByTestId("case-state-shown")).toContainText("Delvist tilbage i arbejde");
  // Read-only: no meeting or invitation controls are offered.
  await expect(caseworker.getByTestId("move-toggle")).toHaveCount(0);
  await expect(caseworker.getByTestId("invite-submit")).toHaveCount(0);
  await expect(manager.getByTestId("notice-meeting-over")).toBeVisible();
  await expect(manager.getByTestId("connection-status")).toHaveAttribute("data-status", "meetingOver");
  await manager.reload();
  await expect(manager.getByTestId("notice-meeting-over")).toContainText("Sagen er afsluttet");

  // Reopen: a reason is required.
  await caseworker.getByTestId("reopen-case-submit").click();
  await expect(caseworker.getByTestId("reopen-reason")).toHaveAttribute("aria-invalid", "true");
  await expect(caseworker.getByTestId("reopen-reason")).toBeFocused();
  await caseworker.getByTestId("reopen-reason").fill("Sygemeldt igen");
  await caseworker.getByTestId("reopen-case-submit").click();
  await expect(caseworker.getByTestId("case-closed-notice")).toHaveCount(0);
  await expect(caseworker.getByTestId("case-state-shown")).toBeFocused();
  await expect(caseworker.getByTestId("case-history")).toContainText("Sygemeldt igen");
  await expect(caseworker.getByTestId("move-toggle")).toBeVisible();
  await manager.goto(meetingUrl);
  await waitSaved(manager);
  await expect(manager.getByTestId("notice-meeting-over")).toHaveCount(0);
});

test("the case list searches by reference and pages, with every choice in the address", async ({ browser }) => {
  const caseworker = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  const tag = `LIST-${Date.now()}`;
  for (const n of [1, 2, 3, 4]) await openCase(caseworker, `Listeperson ${n}`, `${tag}-${n}`);

  await caseworker.goto("/cases");
  await caseworker.getByTestId("list-q").fill(tag);
  await caseworker.getByTestId("list-sort").selectOption("reference");
  await caseworker.getByTestId("list-submit").click();
  await expect(caseworker).toHaveURL(new RegExp(`q=${tag}`));
  // The e2e server shows three cases a page (CASE_LIST_PAGE_SIZE in e2e/serve.mjs).
  await expect(caseworker.getByTestId("case-card")).toHaveCount(3);
  await expect(caseworker.getByTestId("list-count")).toContainText("4 sager");
  await expect(caseworker.getByTestId("case-card").first()).toContainText(`${tag}-1`);
  await caseworker.getByTestId("page-next").click();
  await expect(caseworker).toHaveURL(/page=2/);
  await expect(caseworker.getByTestId("case-card")).toHaveCount(1);
  await expect(caseworker.getByTestId("case-card")).toContainText(`${tag}-4`);
  // The address is the list: opened afresh it shows the same page.
  const url = caseworker.url();
  await caseworker.goto("/cases");
  await caseworker.goto(url);
  await expect(caseworker.getByTestId("case-card")).toContainText("Listeperson 4");
  await caseworker.getByTestId("page-prev").click();
  await expect(caseworker.getByTestId("case-card")).toHaveCount(3);
});
