import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeFindings, LOCALES, setLocale, type Locale } from "./a11y-helpers";
import { demoLinks, ownDemo } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { caseworkerPage } from "./staff-helpers";

/**
 * Issue 18's "done when": axe finds nothing in any state of a meeting, in Danish, Norwegian and
 * English — the room before anyone chairs, the chair's own view, a running speaking round, the
 * consent board with a reservation, the closing check, the agreement page with an error and with
 * a version to sign — as the chair (the caseworker), the employee on a phone, and on the wall.
 *
 * One copy of the demo and one browser context per language and person, all in the meeting at
 * once: the chair moves the meeting on in Danish, every other window follows live (no reloads),
 * and each state is read in all three languages as it happens.
 */
type Windows = { chair: Page; employee: Page; wall: Page };

async function open(browser: Browser, baseURL: string, locale: Locale): Promise<Windows> {
  const demo = await ownDemo();
  const meetingPath = new URL(demo.meetingUrl).pathname;
  const chair = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  await setLocale(chair.context(), locale, baseURL);
  await chair.goto(meetingPath);
  const employeeContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await setLocale(employeeContext, locale, baseURL);
  const employee = await employeeContext.newPage();
  await employee.goto(demo.links.employee);
  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await setLocale(wallContext, locale, baseURL);
  const wall = await wallContext.newPage();
  await wall.goto(demo.links.manager);
  await waitSaved(wall);
  await wall.goto(`${meetingPath}/present`);
  for (const p of [chair, employee, wall]) await waitSaved(p);
  return { chair, employee, wall };
}

test("every state of the meeting, in every language, has no axe findings", async ({ browser, baseURL }) => {
  test.setTimeout(900_000);
  const demo = await ownDemo();
  const meetingPath = new URL(demo.meetingUrl).pathname;
  const windows = {} as Record<Locale, Windows>;
  for (const locale of LOCALES) windows[locale] = await open(browser, baseURL!, locale);
  const { chair, employee } = windows.da;

  /** Every window, as it is now, in its language. `until` says the window shows the new state. */
  const scan = async (state: string, until: (w: Windows) => Promise<void>) => {
    for (const locale of LOCALES) {
      const w = windows[locale];
      await until(w);
      for (const [who, page] of Object.entries(w)) await expectNoAxeFindings(page, `${state}, ${who}`, locale);
    }
  };
  const atPhase = (phase: string) => async (w: Windows) => {
    await expect(w.chair.getByTestId("phase-stepper")).toHaveAttribute("data-phase", phase);
    await expect(w.employee.getByTestId("phase-stepper")).toHaveAttribute("data-phase", phase);
  };

  await scan("before anyone chairs", async (w) => {
    await expect(w.chair.getByTestId("chair-choose-caseworker")).toBeVisible();
  });

  await chair.getByTestId("chair-choose-caseworker").click();
  await chair.getByTestId("phase-next").click();
  await chair.getByTestId("item-start-first").click();
  await scan("the chair's view, an item running", async (w) => {
    await expect(w.employee.getByTestId("chair-name")).toContainText("Mette");
    await expect(w.wall.getByTestId("present-now")).toBeVisible();
  });

  await chair.getByTestId("phase-next").click();
  await chair.getByTestId("phase-next").click();
  await chair.getByTestId("round-start").click();
  await scan("a speaking round running", async (w) => {
    await expect(w.employee.getByTestId("round-order")).toBeVisible();
    await expect(w.wall.getByTestId("round-order")).toBeVisible();
  });

  await chair.getByTestId("round-end").click();
  for (let i = 0; i < 4 && (await chair.getByTestId("phase-stepper").getAttribute("data-phase")) !== "agreements"; i++) {
    await chair.getByTestId("phase-next").click();
  }
  const item = employee.getByTestId("consent-item").first();
  await item.getByTestId("consent-reservations").check();
  await item.getByTestId("consent-comment").fill("Er det ikke for tidligt?");
  await item.getByTestId("consent-comment-save").click();
  // Each group of radios is named by its item, for a screen reader that meets it without the card.
  const itemText = (await item.locator("p").first().innerText()).split(": ").slice(1).join(": ").trim();
  await expect(item.getByRole("group", { name: `Din markering for: ${itemText}` })).toBeVisible();
  await scan("the consent board, with a reservation", async (w) => {
    await atPhase("agreements")(w);
    await expect(w.chair.locator('[data-testid="consent-state"][data-state="reservations"]').first()).toBeVisible();
  });

  await chair.getByTestId("phase-next").click();
  await scan("the closing check", async (w) => {
    await atPhase("closing")(w);
    await expect(w.chair.getByTestId("closing-check")).toBeVisible();
  });

  // The agreement page: a new version needs a reason; without one the error is on its field. Then
  // a version to sign: the employee's own form with an error, the chair's shared screen in turn.
  const agreementPath = `${meetingPath}/agreement`;
  for (const locale of LOCALES) {
    const page = windows[locale].chair;
    await page.goto(agreementPath);
    await page.getByTestId("amend-reason").fill("");
    await page.getByTestId("amend-submit").click();
    await expect(page.getByTestId("amend-reason")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeFindings(page, "a new version without a reason", locale);
  }
  await chair.getByTestId("amend-reason").fill("Planen er ændret på mødet");
  await chair.getByTestId("amend-submit").click();
  await expect(chair.getByTestId("agreement-state")).toHaveAttribute("data-state", "awaiting_signatures");
  for (const locale of LOCALES) {
    const { chair: c, employee: e } = windows[locale];
    await e.goto(agreementPath);
    const own = e.getByTestId("decision-form-employee");
    await own.getByTestId("sign-submit").click();
    await expect(own.getByTestId("typed-name")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeFindings(e, "a version to sign, signing without a name", locale);
    await c.goto(agreementPath);
    await c.getByTestId("turn-manager").click();
    await expect(c.getByTestId("decision-form-manager")).toBeVisible();
    await expectNoAxeFindings(c, "a version to sign, in turn at the shared screen", locale);
  }
  for (const locale of LOCALES) {
    await expect(windows[locale].wall.getByTestId("present-agreement")).toBeVisible();
    await expectNoAxeFindings(windows[locale].wall, "a version to sign, on the wall", locale);
  }

  for (const w of Object.values(windows)) for (const p of Object.values(w)) await p.context().close();
});
