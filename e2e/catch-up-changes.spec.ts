import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { dropNetwork, recordSockets } from "./network-helpers";
import { waitSaved } from "./room-helpers";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";

/**
 * "While you were away" after a short absence — seconds, not minutes: any absence in which others
 * did something. The employee's phone drops out; meanwhile the chair covers an item, changes the
 * goal, changes the wording of an action the employee had agreed to and removes another action.
 * Back online, the employee is told each of these, by whom, and asked to mark the changed action
 * again.
 */
async function joinDroppable(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext({ locale: "da-DK", viewport: { width: 390, height: 844 } });
  await recordSockets(context);
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await waitSaved(page);
  return page;
}

async function addAction(page: Page, text: string): Promise<void> {
  await page.getByTestId("action-add-text").fill(text);
  await page.getByTestId("action-add-text").press("Enter");
  await expect(page.getByTestId("action-text").last()).toHaveValue(text);
}

test.describe("while you were away", () => {
  test("a short drop-out is told every item covered, every change and removal, and which marks to give again", async ({ browser }) => {
    test.setTimeout(180_000);
    const cw = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    const { meetingUrl } = await openCaseWithMeeting(cw, "Bodil Jensen");
    const employeeLink = await invite(cw, "employee", "Bodil Jensen");
    await cw.goto(meetingUrl);
    await waitSaved(cw);
    for (const title of ["Status", "Muligheder"]) {
      await cw.getByTestId("agenda-add-title").fill(title);
      await cw.getByTestId("agenda-add-submit").click();
      await expect(cw.getByTestId("agenda-item-title").last()).toHaveValue(title);
    }
    await cw.getByTestId("plan-goal").fill("Tilbage på fuld tid inden for 6 måneder");
    await addAction(cw, "Aftale arbejdstider");
    await addAction(cw, "Ringe til lægen");
    await cw.getByTestId("chair-choose-caseworker").click();
    await cw.getByTestId("phase-next").click();
    await cw.getByTestId("item-start-first").click();

    const employee = await joinDroppable(browser, employeeLink);
    // She was here when the meeting began: dismiss what she is told on arrival.
    await employee.getByTestId("catch-up-dismiss").click();
    for (let i = 0; i < 3; i++) await cw.getByTestId("phase-next").click();
    await expect(employee.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "agreements");
    const agreed = employee.locator('[data-testid="consent-item"][data-kind="action"]').filter({ hasText: "Aftale arbejdstider" });
    await agreed.getByTestId("consent-agree").check();
    await waitSaved(employee);

    // Her phone loses the network, for a few seconds only.
    await dropNetwork(employee);
    await expect(employee.getByTestId("connection-status")).toHaveAttribute("data-status", "offline");
    await cw.getByTestId("item-cover-next").click();
    await cw.getByTestId("plan-goal").fill("Tilbage på fuld tid inden for 5 måneder");
    const actions = cw.getByTestId("action");
    await expect(actions.first().getByTestId("action-text")).toHaveValue("Aftale arbejdstider");
    await actions.first().getByTestId("action-text").fill("Aftale arbejdstider og pauser");
    await actions.nth(1).getByTestId("action-remove").click();
    await actions.nth(1).getByTestId("action-remove-confirm").click();
    await expect(actions).toHaveCount(1);
    await waitSaved(cw);

    await employee.context().setOffline(false);
    await waitSaved(employee);
    const catchUp = employee.getByTestId("catch-up");
    await expect(catchUp).toBeVisible();
    await expect(catchUp.getByTestId("catch-up-covered")).toContainText("Status");
    await expect(catchUp.getByTestId("catch-up-covered")).toContainText("Mette Sørensen (Sagsbehandler)");
    const changed = catchUp.getByTestId("catch-up-changed");
    await expect(changed.filter({ hasText: "målet" })).toContainText("Tilbage på fuld tid inden for 5 måneder");
    await expect(changed.filter({ hasText: "ændrede en handling" })).toContainText("Aftale arbejdstider og pauser");
    await expect(changed.first()).toContainText("Mette Sørensen (Sagsbehandler)");
    await expect(catchUp.getByTestId("catch-up-removed")).toContainText("fjernede en handling");
    await expect(catchUp.getByTestId("catch-up-renew-item")).toHaveText("Handling: Aftale arbejdstider og pauser");
    // What she did herself, and what happened before she left, is not repeated.
    await expect(catchUp).not.toContainText("Bodil Jensen");
    await expect(catchUp).not.toContainText("tilføjede");
    await employee.getByTestId("catch-up-dismiss").click();
    await expect(catchUp).toHaveCount(0);
    for (const p of [cw, employee]) await p.context().close();
  });
});
