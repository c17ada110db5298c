import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeFindings, LOCALES, setLocale } from "./a11y-helpers";
import { demoLinks, ownDemo } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { caseworkerPage } from "./staff-helpers";

/**
 * Issue 18's "done when": axe finds nothing in any state of a meeting, in Danish, Norwegian and
 * English — the room before anyone chairs, the chair's own view, a running speaking round, the
 * consent board with a reservation, the closing check, the agreement page with an error and with
 * a version to sign — as the chair (the caseworker), the employee, and on the wall.
 *
 * One copy of the demo, walked once from state to state; in each state every page is read in the
 * three languages (the language is the person's cookie, so a reload shows the same state in the next).
 */
type Viewer = { page: Page; path: () => string; ready: (p: Page) => Promise<void> };

test("every state of the meeting, in every language, has no axe findings", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const demo = await ownDemo();
  const meetingPath = new URL(demo.meetingUrl).pathname;

  const chair = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  const employeeContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const employee = await employeeContext.newPage();
  await employee.goto(demo.links.employee);
  await waitSaved(employee);
  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallContext.newPage();
  await wall.goto(demo.links.manager);
  await waitSaved(wall);

  const inRoom: Viewer["ready"] = async (p) => {
    await waitSaved(p);
    await expect(p.getByTestId("meeting-flow")).toBeVisible();
  };
  const onWall: Viewer["ready"] = async (p) => {
    await waitSaved(p);
    await expect(p.getByTestId("present-now")).toBeVisible();
  };
  const room = (page: Page): Viewer => ({ page, path: () => meetingPath, ready: inRoom });
  const viewers = [room(chair), room(employee), { page: wall, path: () => `${meetingPath}/present`, ready: onWall }];

  /** The state as it is now, in every language, for everyone who sees it. */
  const scan = async (state: string, who: Viewer[] = viewers) => {
    for (const locale of LOCALES) {
      for (const v of who) {
        await setLocale(v.page.context(), locale, baseURL!);
        await v.page.goto(v.path());
        await v.ready(v.page);
        await expectNoAxeFindings(v.page, `${state}: ${v.page.url()}`, locale);
      }
    }
    // The walk goes on in Danish (the words the steps below look for).
    for (const v of who) await setLocale(v.page.context(), "da", baseURL!);
  };

  await scan("before anyone chairs");

  await chair.goto(meetingPath);
  await waitSaved(chair);
  await chair.getByTestId("chair-choose-caseworker").click();
  await expect(chair.getByTestId("phase-next")).toBeVisible();
  await chair.getByTestId("phase-next").click();
  await chair.getByTestId("item-start-first").click();
  await scan("the chair's view, an item running");

  await chair.getByTestId("phase-next").click();
  await chair.getByTestId("phase-next").click();
  await chair.getByTestId("round-start").click();
  await expect(chair.getByTestId("round-order")).toBeVisible();
  await scan("a speaking round running");

  await chair.getByTestId("round-end").click();
  for (let i = 0; i < 4 && (await chair.getByTestId("phase-stepper").getAttribute("data-phase")) !== "agreements"; i++) {
    await chair.getByTestId("phase-next").click();
  }
  await expect(chair.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "agreements");
  await employee.goto(meetingPath);
  await waitSaved(employee);
  const item = employee.getByTestId("consent-item").first();
  await item.getByTestId("consent-reservations").check();
  await item.getByTestId("consent-comment").fill("Er det ikke for tidligt?");
  await item.getByTestId("consent-comment-save").click();
  await expect(chair.locator('[data-testid="consent-state"][data-state="reservations"]').first()).toBeVisible();
  await scan("the consent board, with a reservation");

  await chair.getByTestId("phase-next").click();
  await expect(chair.getByTestId("closing-check")).toBeVisible();
  await scan("the closing check");

  // The agreement page: a new version needs a reason; without one the error is on its field.
  const agreement: Viewer = {
    page: chair,
    path: () => `${meetingPath}/agreement`,
    ready: async (p) => expect(p.locator("main#main")).toBeVisible(),
  };
  const withoutReason: Viewer = {
    ...agreement,
    ready: async (p) => {
      await p.getByTestId("amend-reason").fill("");
      await p.getByTestId("amend-submit").click();
      await expect(p.getByTestId("amend-reason")).toHaveAttribute("aria-invalid", "true");
    },
  };
  await scan("a new version without a reason", [withoutReason]);

  await chair.getByTestId("amend-reason").fill("Planen er ændret på mødet");
  await chair.getByTestId("amend-submit").click();
  await expect(chair.getByTestId("agreement-state")).toHaveAttribute("data-state", "awaiting_signatures");
  const employeeAgreement: Viewer = { page: employee, path: () => `${meetingPath}/agreement`, ready: agreement.ready };
  await scan("a version to sign", [agreement, employeeAgreement]);

  // Signing without a name (the error on the name field), and the chair's shared screen taking
  // the signatures in turn.
  const withoutName: Viewer = {
    ...employeeAgreement,
    ready: async (p) => {
      const own = p.getByTestId("decision-form-employee");
      await own.getByTestId("sign-submit").click();
      await expect(own.getByTestId("typed-name")).toHaveAttribute("aria-invalid", "true");
    },
  };
  const inTurn: Viewer = {
    ...agreement,
    ready: async (p) => {
      await p.getByTestId("turn-manager").click();
      await expect(p.getByTestId("decision-form-manager")).toBeVisible();
    },
  };
  await scan("signing: an error, and in turn at the shared screen", [withoutName, inTurn]);

  for (const c of [chair.context(), employeeContext, wallContext]) await c.close();
});
