import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";
import { dropNetwork, recordSockets } from "./network-helpers";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";

/**
 * The meeting paths the whole-meeting flow does not reach, each on a fresh case: "while you were
 * away" for someone who closes the page, someone whose phone loses the network, and someone who
 * joins late; the manager as chair, followed by every screen; and the shared screen following the
 * step, the item and the speaking round live.
 */
const PHONE = { width: 390, height: 844 };

/**
 * Join like joinAs, from a phone whose clock the test can move forward and whose sockets it can
 * cut: the browser's offline emulation leaves open sockets open (see reconnect.spec.ts).
 */
async function joinOnDroppablePhone(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext({ locale: "da-DK", viewport: PHONE });
  await recordSockets(context);
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(link);
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await waitSaved(page);
  return page;
}

async function dropPhoneNetwork(page: Page): Promise<void> {
  await dropNetwork(page);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "offline");
}

async function addAgenda(page: Page, items: readonly (readonly [string, string])[]): Promise<void> {
  for (const [title, minutes] of items) {
    await page.getByTestId("agenda-add-title").fill(title);
    await page.getByTestId("agenda-add-minutes").fill(minutes);
    await page.getByTestId("agenda-add-submit").click();
    await expect(page.getByTestId("agenda-item-title").last()).toHaveValue(title);
  }
}

async function addAction(page: Page, text: string): Promise<void> {
  await page.getByTestId("action-add-text").fill(text);
  await page.getByTestId("action-add-text").press("Enter");
  await expect(page.getByTestId("action-text").last()).toHaveValue(text);
}

const AGENDA = [
  ["Status", "5"],
  ["Muligheder", "15"],
] as const;

test.describe("catching up", () => {
  test("someone who closes the page, someone whose phone goes offline and someone who joins late are told what happened, by whom", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const cw = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    const { meetingUrl } = await openCaseWithMeeting(cw, "Bodil Jensen");
    const links = {
      employee: await invite(cw, "employee", "Bodil Jensen"),
      manager: await invite(cw, "manager", "Lars Leder"),
      unionRep: await invite(cw, "union_rep", "Tina Tillid"),
    };
    await cw.goto(meetingUrl);
    await waitSaved(cw);
    await addAgenda(cw, AGENDA);
    await cw.getByTestId("chair-choose-caseworker").click();
    // The meeting begins, and an action is agreed before the others arrive.
    await cw.getByTestId("phase-next").click();
    await cw.getByTestId("item-start-first").click();
    await addAction(cw, "Ringe til lægen");

    // The employee (on a phone) and the manager arrive late: told where the meeting is and what
    // was added since it began, by whom. Then each says "understood".
    const employee = await joinOnDroppablePhone(browser, links.employee);
    const manager = await joinAs(browser, links.manager);
    for (const p of [employee, manager]) {
      const catchUp = p.getByTestId("catch-up");
      await expect(catchUp).toContainText("trin 2: Velkomst");
      await expect(catchUp.getByTestId("catch-up-added").filter({ hasText: "Ringe til lægen" })).toContainText(
        "Mette Sørensen (Sagsbehandler)",
      );
      await p.getByTestId("catch-up-dismiss").click();
      await expect(catchUp).toHaveCount(0);
      // "I was here" is stored before they leave.
      await waitSaved(p);
    }

    // Both drop out: the manager closes the page; the employee's phone loses the network and stays
    // away three minutes by its clock (a short blip is not "being away").
    const managerContext = manager.context();
    await manager.close();
    await dropPhoneNetwork(employee);
    await employee.clock.fastForward("03:00");

    // Meanwhile the chair covers the first item and adds an action; the union representative joins
    // late (and is told all of it, by whom), adds a sub-goal; the chair moves on a step.
    await cw.getByTestId("item-cover-next").click();
    await addAction(cw, "Aftale arbejdstider");
    const unionRep = await joinAs(browser, links.unionRep);
    const repCatchUp = unionRep.getByTestId("catch-up");
    await expect(repCatchUp.getByTestId("catch-up-covered")).toContainText("Status");
    await expect(repCatchUp.getByTestId("catch-up-covered")).toContainText("Mette Sørensen (Sagsbehandler)");
    for (const action of ["Ringe til lægen", "Aftale arbejdstider"]) {
      await expect(repCatchUp.getByTestId("catch-up-added").filter({ hasText: action })).toContainText("Mette Sørensen (Sagsbehandler)");
    }
    await unionRep.getByTestId("subgoal-add").click();
    // The room moves focus to the new sub-goal a frame or more later: wait for it, as a person would.
    await expect(unionRep.getByTestId("subgoal-text").last()).toBeFocused();
    await unionRep.getByTestId("subgoal-text").fill("15 timer om ugen inden for 4 uger");
    await expect(cw.getByTestId("subgoal-text")).toHaveValue("15 timer om ugen inden for 4 uger");
    await cw.getByTestId("phase-next").click();
    await expect(unionRep.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "introductions");

    // Only what happened while they were away: the item covered, the step, the action and the
    // sub-goal, each with who did it — not the action they saw being added before they left.
    const expectToldWhatHappened = async (p: Page) => {
      const catchUp = p.getByTestId("catch-up");
      await expect(catchUp).toBeVisible();
      await expect(catchUp).toContainText("trin 3: Præsentation");
      const covered = catchUp.getByTestId("catch-up-covered");
      await expect(covered).toHaveCount(1);
      await expect(covered).toContainText("Status");
      await expect(covered).toContainText("Mette Sørensen (Sagsbehandler)");
      const added = catchUp.getByTestId("catch-up-added");
      await expect(added.filter({ hasText: "Aftale arbejdstider" })).toContainText("Mette Sørensen (Sagsbehandler)");
      await expect(added.filter({ hasText: "15 timer om ugen inden for 4 uger" })).toContainText("Tina Tillid (Tillidsrepræsentant)");
      await expect(added.filter({ hasText: "Ringe til lægen" })).toHaveCount(0);
    };

    // The phone's network returns: the same page tells the employee.
    await employee.context().setOffline(false);
    await waitSaved(employee);
    await expectToldWhatHappened(employee);

    // The manager opens the meeting again, three minutes later by the server's clock.
    const back = await managerContext.newPage();
    await back.route("**/api/time", (route) => route.fulfill({ json: { now: Date.now() + 180_000 } }));
    await back.goto(meetingUrl);
    await waitSaved(back);
    await expectToldWhatHappened(back);

    for (const p of [cw, employee, back, unionRep]) await p.context().close();
  });
});

test.describe("the manager chairs, and the shared screen follows", () => {
  test("the manager takes the chair and moves step and item; the room and the shared screen follow, showing whose turn it is", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const cw = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    const { meetingUrl } = await openCaseWithMeeting(cw, "Bodil Jensen");
    const employeeLink = await invite(cw, "employee", "Bodil Jensen");
    const managerLink = await invite(cw, "manager", "Lars Leder");
    await cw.goto(meetingUrl);
    await waitSaved(cw);
    await addAgenda(cw, AGENDA);
    const employee = await joinAs(browser, employeeLink, { viewport: PHONE });
    const manager = await joinAs(browser, managerLink);
    // The shared screen, opened by the caseworker beside her own room.
    const screen = await cw.context().newPage();
    await screen.setViewportSize({ width: 1280, height: 800 });
    await screen.goto(`${meetingUrl}/present`);
    await waitSaved(screen);
    await expect(screen.getByTestId("present-now")).toBeVisible();
    await expect(screen.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "preparing");

    // The manager takes the chair: everyone sees it, and only the chair can move the meeting on.
    await manager.getByTestId("chair-choose-manager").click();
    for (const p of [cw, employee]) await expect(p.getByTestId("chair-name")).toHaveText("Lars Leder (Leder)");
    await expect(employee.getByTestId("announcer")).toHaveText("Lars Leder (Leder) leder nu mødet.");
    await expect(manager.getByTestId("phase-next")).toBeVisible();
    for (const p of [cw, employee, screen]) await expect(p.getByTestId("phase-next")).toHaveCount(0);
    await expect(cw.getByTestId("item-start-first")).toHaveCount(0);

    // A new step: the room, the phone and the shared screen follow; a screen reader hears who did it.
    await manager.getByTestId("phase-next").click();
    for (const p of [cw, employee, screen]) await expect(p.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "opening");
    await expect(employee.getByTestId("announcer")).toHaveText("Lars Leder (Leder) skiftede til trin 2 af 6: Velkomst.");

    // The first item, the next, and back to the first from the list: every screen is on it.
    const onItem = async (n: 1 | 2, title: string) => {
      await expect(screen.getByTestId("present-item")).toHaveText(`Punkt ${n}: ${title}`);
      await expect(screen.getByTestId("present-agenda").locator('li[aria-current="true"]')).toContainText(title);
      await expect(cw.getByTestId("current-item-title")).toHaveText(`Punkt ${n}: ${title}`);
      await expect(
        employee
          .getByTestId("agenda-item")
          .nth(n - 1)
          .getByTestId("agenda-item-now"),
      ).toBeVisible();
    };
    await manager.getByTestId("item-start-first").click();
    await onItem(1, "Status");
    await expect(screen.getByTestId("present-now").getByTestId("item-timer")).toHaveAttribute("data-running", "true");
    await manager.getByTestId("item-cover-next").click();
    await onItem(2, "Muligheder");
    await expect(screen.getByTestId("present-agenda").locator("li").first()).toContainText("Status");
    await expect(screen.getByTestId("present-agenda").locator("li").first()).not.toHaveAttribute("aria-current", "true");
    await manager.getByTestId("item-goto-select").selectOption({ index: 1 });
    await manager.getByTestId("item-goto").click();
    await onItem(1, "Status");

    // Rounds: the shared screen shows whose turn it is, turn by turn (the chair speaks last).
    await manager.getByTestId("phase-next").click();
    await manager.getByTestId("phase-next").click();
    await expect(screen.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "rounds");
    await manager.getByTestId("round-start").click();
    const speakers = screen.getByTestId("round-speaker");
    const speaking = screen.locator('[data-testid="round-speaker"][data-state="speaking"]');
    await expect(speakers).toHaveCount(3);
    await expect(speaking).toHaveCount(1);
    await expect(speaking).toContainText("Bodil Jensen");
    await expect(speaking).toHaveAttribute("aria-current", "true");
    await employee.getByTestId("turn-done").click();
    await expect(speaking).toContainText("Mette Sørensen");
    await expect(screen.locator('[data-testid="round-speaker"][data-state="spoken"]')).toContainText("Bodil Jensen");
    await cw.getByTestId("turn-done").click();
    await expect(speaking).toContainText("Lars Leder");
    await expect(screen.locator('[data-testid="round-speaker"][data-state="spoken"]')).toHaveCount(2);

    for (const p of [cw, employee, manager]) await p.context().close();
  });
});
