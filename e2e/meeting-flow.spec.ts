import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";
import { caseworkerPage, invite, setUpInvitedCase } from "./staff-helpers";
import { expectNoSidewaysScroll, expectVisibleFocus, pressOn, tabTo } from "./meeting-helpers";

/**
 * A whole meeting on a fresh case: the caseworker chairs with the keyboard only (phases, the item
 * clock, a speaking round, consent on each item, the closing check, preparing the agreement); the
 * manager and the union representative take part with the keyboard only; the employee takes part
 * from a phone (390 px): follows, takes their turn, marks consent, signs. A late observer is told
 * what happened while they were away.
 */
async function axeClean(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const PHONE = { width: 390, height: 844 };

test.describe("running a meeting", () => {
  test("the chair runs a whole meeting with the keyboard only while the employee takes part from a phone", async ({ browser }) => {
    // Keyboard only: hundreds of Tab presses, each a round trip; two spec files run side by side.
    test.setTimeout(420_000);
    const {
      caseworker: staff,
      employee,
      manager,
      unionRep,
      meetingUrl,
      caseUrl,
    } = await setUpInvitedCase(browser, demoLinks().caseworkerEmail, "Bodil Jensen");
    await employee.setViewportSize(PHONE);
    const cw = staff;
    await cw.goto(meetingUrl);
    await waitSaved(cw);
    const everyone = [cw, employee, manager, unionRep];

    // The agenda, a sub-goal and an action, typed in with the keyboard.
    for (const [title, minutes] of [
      ["Velkomst", "5"],
      ["Muligheder på arbejdspladsen", "15"],
    ] as const) {
      await tabTo(cw, cw.getByTestId("agenda-add-title"));
      await cw.keyboard.type(title);
      await cw.keyboard.press("Tab");
      await cw.keyboard.type(minutes);
      await cw.keyboard.press("Enter");
      await expect(cw.getByTestId("agenda-item-title").last()).toHaveValue(title);
    }
    await pressOn(cw, cw.getByTestId("subgoal-add"));
    await expect(cw.getByTestId("subgoal-text")).toBeFocused();
    await cw.keyboard.type("15 timer om ugen inden for 4 uger");
    await tabTo(cw, cw.getByTestId("action-add-text"));
    await cw.keyboard.type("Aftale arbejdstider og opgaver");
    await cw.keyboard.press("Enter");
    await expect(manager.getByTestId("action-text")).toHaveValue("Aftale arbejdstider og opgaver");
    await expect(manager.getByTestId("subgoal-text")).toHaveValue("15 timer om ugen inden for 4 uger");

    // Who chairs: the caseworker chooses herself. Everyone sees it.
    await pressOn(cw, cw.getByTestId("chair-choose-caseworker"));
    for (const p of everyone) await expect(p.getByTestId("chair-name")).toContainText("Mette Sørensen");
    await expect(manager.getByTestId("phase-next")).toHaveCount(0);

    // Step 2: the opening. The others' screens follow, and a screen reader hears it.
    await tabTo(cw, cw.getByTestId("phase-next"));
    await expectVisibleFocus(cw.getByTestId("phase-next"));
    await cw.keyboard.press("Enter");
    for (const p of everyone) await expect(p.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "opening");
    await expect(employee.getByTestId("announcer")).toContainText("trin 2 af 6");
    await expect(employee.getByTestId("now-phase")).toHaveText("Trin 2 af 6: Velkomst");

    // The first item and its clock: running on every screen, paused and started again by the chair.
    await pressOn(cw, cw.getByTestId("item-start-first"));
    await expect(employee.getByTestId("agenda-item-now")).toBeVisible();
    await expect(employee.getByTestId("agenda-item-now").getByTestId("item-timer")).toHaveAttribute("data-running", "true");
    await expect(manager.getByTestId("item-timer-elapsed").first()).not.toHaveText("0:00");
    await pressOn(cw, cw.getByTestId("timer-pause"));
    await expect(manager.getByTestId("current-item-panel").getByTestId("item-timer")).toHaveAttribute("data-running", "false");
    await pressOn(cw, cw.getByTestId("timer-start"));
    await expect(manager.getByTestId("current-item-panel").getByTestId("item-timer")).toHaveAttribute("data-running", "true");

    // Steps 3 and 4, then a speaking round: each in turn, the room sees whose turn it is.
    await pressOn(cw, cw.getByTestId("phase-next"));
    await pressOn(cw, cw.getByTestId("phase-next"));
    await expect(unionRep.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "rounds");
    await pressOn(cw, cw.getByTestId("round-start"));
    await expect(employee.getByTestId("now-turn")).toHaveText("Det er din tur");
    await expect(employee.getByTestId("announcer")).toContainText("Det er din tur til at tale");
    await expectNoSidewaysScroll(employee);
    await employee.getByTestId("turn-done").click();
    for (const speaker of [manager, unionRep, cw]) {
      await expect(speaker.getByTestId("turn-done")).toBeVisible();
      await pressOn(speaker, speaker.getByTestId("turn-done"));
    }
    for (const p of everyone) await expect(p.locator('[data-testid="round-speaker"][data-state="spoken"]')).toHaveCount(4);
    await pressOn(cw, cw.getByTestId("round-end"));
    await expect(manager.getByTestId("speaking-round")).toHaveAttribute("data-active", "false");

    // A running summary, and the first item covered: the room moves on to the next.
    await tabTo(cw, cw.getByTestId("flow-summary"));
    await cw.keyboard.type("Bodil kan begynde med korte dage.");
    await expect(manager.getByTestId("flow-summary")).toHaveValue("Bodil kan begynde med korte dage.");
    await pressOn(cw, cw.getByTestId("item-cover-next"));
    await expect(employee.getByTestId("agenda-item").first().getByTestId("agenda-item-done")).toBeChecked();
    await expect(employee.getByTestId("agenda-item").nth(1).getByTestId("agenda-item-now")).toBeVisible();

    // Step 5: consent per item. Keyboard for three, the phone for the employee.
    await pressOn(cw, cw.getByTestId("phase-next"));
    for (const p of [cw, unionRep]) {
      for (const item of await p.getByTestId("consent-item").all()) await pressOn(p, item.getByTestId("consent-agree"), "Space");
    }
    // Every part of the plan is marked: the goal, the step, the sub-goal, the mixer desk, the tools, the action, the follow-up.
    await expect(manager.getByTestId("consent-item")).toHaveCount(7);
    for (const item of await manager.locator('[data-testid="consent-item"]:not([data-kind="action"])').all())
      await pressOn(manager, item.getByTestId("consent-agree"), "Space");
    // A radio group is one Tab stop; the arrow keys choose within it (and mark at once).
    const mgrAction = manager.locator('[data-testid="consent-item"][data-kind="action"]');
    await pressOn(manager, mgrAction.getByTestId("consent-agree"), "ArrowRight");
    await expect(mgrAction.getByTestId("consent-reservations")).toBeChecked();
    await tabTo(manager, manager.getByTestId("consent-comment"));
    await manager.keyboard.type("Jeg vil først tjekke vagtplanen");
    await manager.keyboard.press("Enter");
    for (const item of await employee.getByTestId("consent-item").all()) await item.getByTestId("consent-agree").click();
    await expectNoSidewaysScroll(employee);
    const mgrState = cw.locator(
      '[data-testid="consent-item"][data-kind="action"] [data-testid="consent-state"][data-state="reservations"]',
    );
    await expect(mgrState).toContainText("Jeg vil først tjekke vagtplanen");

    // The next meeting. (A native date-time field: its typed digit order follows the computer's
    // own locale in Chromium, not the page's, so the value is entered with fill.)
    await tabTo(cw, cw.getByTestId("followup-next-meeting"));
    await cw.getByTestId("followup-next-meeting").fill("2031-03-04T10:00");

    // Step 6: closing. The check names the item with reservations until the manager agrees.
    await pressOn(cw, cw.getByTestId("phase-next"));
    const check = cw.getByTestId("closing-check");
    await expect(check).toHaveAttribute("data-ready", "false");
    await expect(cw.getByTestId("closing-reservation")).toContainText("Lars Leder");
    await expect(cw.getByTestId("closing-reservation")).toContainText("Aftale arbejdstider og opgaver");
    await expect(cw.getByTestId("closing-next-meeting")).toHaveAttribute("data-ok", "true");
    await expect(cw.getByTestId("closing-prepare")).toHaveCount(0);
    await axeClean(cw, '[data-testid="meeting-flow"]');
    await pressOn(manager, mgrAction.getByTestId("consent-reservations"), "ArrowLeft");
    await expect(mgrAction.getByTestId("consent-agree")).toBeChecked();
    await expect(check).toHaveAttribute("data-ready", "true");
    await pressOn(cw, cw.getByTestId("closing-confirm"));
    await expect(employee.getByTestId("closing-confirmed")).toBeVisible();
    await expect(employee.getByTestId("announcer")).toContainText("alle er enige");
    await axeClean(employee, '[data-testid="meeting-flow"]');

    // Only now the chair prepares the agreement; the agreement page says the check is done.
    await pressOn(cw, cw.getByTestId("closing-prepare"));
    await expect(cw).toHaveURL(/\/agreement$/);
    await expect(cw.getByTestId("agreement-closing-done")).toBeVisible();
    await pressOn(cw, cw.getByTestId("prepare-submit"));
    await expect(cw.getByTestId("agreement-state")).toHaveAttribute("data-state", "awaiting_signatures");

    // The employee signs on the phone.
    await employee.goto(`${meetingUrl}/agreement`);
    const form = employee.getByTestId("decision-form-employee");
    await form.getByTestId("typed-name").fill("Bodil Jensen");
    await form.getByTestId("read-and-agree").check();
    await form.getByTestId("sign-submit").click();
    await expect(employee.getByTestId("signer-employee")).toHaveAttribute("data-state", "signed");
    await expectNoSidewaysScroll(employee);

    // Someone who joins late is told what happened while they were away.
    const staff2 = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    await staff2.goto(caseUrl);
    const late = await joinAs(browser, await invite(staff2, "observer", "Ole Sen"));
    const catchUp = late.getByTestId("catch-up");
    await expect(catchUp).toBeVisible();
    await expect(catchUp.getByTestId("catch-up-covered")).toContainText("Velkomst");
    await expect(catchUp.getByTestId("catch-up-covered")).toContainText("Mette Sørensen");
    await expect(catchUp).toContainText("trin 6: Afslutning");
    await pressOn(late, late.getByTestId("catch-up-dismiss"));
    await expect(catchUp).toHaveCount(0);

    for (const p of [...everyone, staff2, late]) await p.context().close();
  });
});
