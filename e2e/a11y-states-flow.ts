import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeFindings, setLocale, type Locale } from "./a11y-helpers";
import { demoLinks, ownDemo } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { caseworkerPage } from "./staff-helpers";

/**
 * Issue 18's "done when": axe finds nothing in any state of a meeting, in Danish, Norwegian and
 * English — the room before anyone chairs, the chair's own view, a running speaking round, the
 * consent board with a reservation, the closing check — as the chair (the caseworker), the
 * employee on a phone, and on the wall. The agreement page's states: a11y-agreement-states.spec.ts.
 *
 * One spec file per language (a11y-states-da/-nb/-en.spec.ts), so that the three run side by side:
 * each file has its own copy of the demo and one browser context per person, all in the meeting at
 * once. The chair moves the meeting on, the other windows follow live (no reloads), and each state
 * is read as it happens. The first states are read whole; later ones only where the meeting
 * changes (the meeting panel, the bar at the top, the item the phone shows first, the wall).
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

/** "Your mark for: {item}" in the language the windows are in (the catalogue the app reads). */
function yourMarkFor(locale: Locale, item: string): string {
  const messages = JSON.parse(readFileSync(path.join(process.cwd(), "lib/i18n/messages/meeting.json"), "utf8")) as Record<
    Locale,
    { meeting: { consent: { yourMarkFor: string } } }
  >;
  return messages[locale].meeting.consent.yourMarkFor.replace("{item}", item);
}

/** The states of one meeting, read in one language: the whole test of one a11y-states-<locale> file. */
export function meetingStatesTest(locale: Locale): void {
  test(`every state of the meeting, in ${locale}, has no axe findings`, async ({ browser, baseURL }) => {
    test.setTimeout(600_000);
    const w = await open(browser, baseURL!, locale);
    const { chair, employee } = w;

    /** Every window, as it is now. `until` says the window shows the new state. */
    const scan = async (state: string, until: () => Promise<void>, rooms: { chair?: string[]; employee?: string[] } = {}) => {
      await until();
      await expectNoAxeFindings(w.chair, `${state}, chair`, locale, rooms.chair);
      await expectNoAxeFindings(w.employee, `${state}, employee`, locale, rooms.employee);
      await expectNoAxeFindings(w.wall, `${state}, wall`, locale);
    };
    /** What changes in the room as the meeting moves on (the rest was read in the first states). */
    const MEETING = ["#meeting", '[data-testid="now-bar"]', '[data-testid="section-menu"]'];
    /** On the phone the item the meeting is on comes first, above the meeting panel. */
    const PHONE = [...MEETING, '[data-testid="current-item-first"]'];
    const atPhase = (phase: string) => async () => {
      await expect(chair.getByTestId("phase-stepper")).toHaveAttribute("data-phase", phase);
      await expect(employee.getByTestId("phase-stepper")).toHaveAttribute("data-phase", phase);
    };

    await scan("before anyone chairs", async () => {
      await expect(chair.getByTestId("chair-choose-caseworker")).toBeVisible();
    });

    await chair.getByTestId("chair-choose-caseworker").click();
    await chair.getByTestId("phase-next").click();
    await chair.getByTestId("item-start-first").click();
    await scan(
      "the chair's view, an item running",
      async () => {
        await expect(employee.getByTestId("chair-name")).toContainText("Mette");
        await expect(w.wall.getByTestId("present-now")).toBeVisible();
      },
      { employee: PHONE },
    );

    await chair.getByTestId("phase-next").click();
    await chair.getByTestId("phase-next").click();
    await chair.getByTestId("round-start").click();
    await scan(
      "a speaking round running",
      async () => {
        await expect(employee.getByTestId("round-order")).toBeVisible();
        await expect(w.wall.getByTestId("round-order")).toBeVisible();
      },
      { chair: MEETING, employee: PHONE },
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
    await expect(item.getByRole("group", { name: yourMarkFor(locale, itemText) })).toBeVisible();
    await scan(
      "the consent board, with a reservation",
      async () => {
        await atPhase("agreements")();
        await expect(chair.locator('[data-testid="consent-state"][data-state="reservations"]').first()).toBeVisible();
      },
      { chair: MEETING, employee: PHONE },
    );

    await chair.getByTestId("phase-next").click();
    await scan(
      "the closing check",
      async () => {
        await atPhase("closing")();
        await expect(chair.getByTestId("closing-check")).toBeVisible();
      },
      { chair: MEETING, employee: PHONE },
    );

    for (const p of Object.values(w)) await p.context().close();
  });
}
