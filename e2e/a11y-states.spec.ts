import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeFindings, LOCALES, setLocale, type Locale } from "./a11y-helpers";
import { demoLinks, ownDemo } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { caseworkerPage } from "./staff-helpers";

/**
 * Issue 18's "done when": axe finds nothing in any state of a meeting, in Danish, Norwegian and
 * English — the room before anyone chairs, the chair's own view, a running speaking round, the
 * consent board with a reservation, the closing check — as the chair (the caseworker), the
 * employee on a phone, and on the wall. The agreement page's states: a11y-agreement-states.spec.ts.
 *
 * One copy of the demo and one browser context per language and person, all in the meeting at
 * once: the chair moves the meeting on in Danish, every other window follows live (no reloads),
 * and each state is read in all three languages as it happens. The first states are read whole;
 * later ones only where the meeting changes (the meeting panel, the bar at the top, the wall).
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
  test.setTimeout(1_200_000);
  const windows = {} as Record<Locale, Windows>;
  for (const locale of LOCALES) windows[locale] = await open(browser, baseURL!, locale);
  const { chair, employee } = windows.da;

  /** Every window, as it is now, in its language. `until` says the window shows the new state. */
  const scan = async (state: string, until: (w: Windows) => Promise<void>, rooms: { chair?: string[]; employee?: string[] } = {}) => {
    for (const locale of LOCALES) {
      const w = windows[locale];
      await until(w);
      await expectNoAxeFindings(w.chair, `${state}, chair`, locale, rooms.chair);
      await expectNoAxeFindings(w.employee, `${state}, employee`, locale, rooms.employee);
      await expectNoAxeFindings(w.wall, `${state}, wall`, locale);
    }
  };
  /** What changes in the room as the meeting moves on (the rest was read in the first states). */
  const MEETING = ["#meeting", '[data-testid="now-bar"]', '[data-testid="section-menu"]'];
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
  await scan(
    "the chair's view, an item running",
    async (w) => {
      await expect(w.employee.getByTestId("chair-name")).toContainText("Mette");
      await expect(w.wall.getByTestId("present-now")).toBeVisible();
    },
    { employee: MEETING },
  );

  await chair.getByTestId("phase-next").click();
  await chair.getByTestId("phase-next").click();
  await chair.getByTestId("round-start").click();
  await scan(
    "a speaking round running",
    async (w) => {
      await expect(w.employee.getByTestId("round-order")).toBeVisible();
      await expect(w.wall.getByTestId("round-order")).toBeVisible();
    },
    { chair: MEETING, employee: MEETING },
  );

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
  await scan(
    "the consent board, with a reservation",
    async (w) => {
      await atPhase("agreements")(w);
      await expect(w.chair.locator('[data-testid="consent-state"][data-state="reservations"]').first()).toBeVisible();
    },
    { chair: MEETING, employee: MEETING },
  );

  await chair.getByTestId("phase-next").click();
  await scan(
    "the closing check",
    async (w) => {
      await atPhase("closing")(w);
      await expect(w.chair.getByTestId("closing-check")).toBeVisible();
    },
    { chair: MEETING, employee: MEETING },
  );

  for (const w of Object.values(windows)) for (const p of Object.values(w)) await p.context().close();
});
