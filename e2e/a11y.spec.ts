import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeFindings, LOCALES, setLocale, type Locale } from "./a11y-helpers";
import { demoLinks, ownDemo } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { caseworkerPage } from "./staff-helpers";

/**
 * Every page, in every language, as the person who would see it: axe-core finds no WCAG 2.1 AA
 * violation, `<html lang>` is the language shown, and the language switch is there. The meeting's
 * states (the chair's view, a running speaking round, consent, the closing check, signing) are
 * walked in e2e/a11y-states.spec.ts.
 */
async function check(page: Page, path: string, locale: Locale, ready: (p: Page) => Promise<void>): Promise<void> {
  await page.goto(path);
  await ready(page);
  const switcher = page.locator(`form button[name="locale"][value="${locale}"]`);
  await expect(switcher, `language switch on ${path}`).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("main#main")).toHaveCount(1);
  await expectNoAxeFindings(page, path, locale);
}

const mainVisible = async (p: Page) => {
  await expect(p.locator("main#main")).toBeVisible();
};

test.describe("accessibility of every page, in every language", () => {
  for (const locale of LOCALES) {
    test(`no axe violations in ${locale}`, async ({ browser, baseURL }) => {
      test.setTimeout(240_000);
      const demo = await ownDemo();
      const { links, meetingUrl } = demo;
      const meetingPath = new URL(meetingUrl).pathname;
      const meetingId = meetingPath.split("/").pop()!;

      // Anyone, signed in or not.
      const anon = await browser.newContext();
      await setLocale(anon, locale, baseURL!);
      const a = await anon.newPage();
      for (const path of [
        "/",
        "/me",
        "/signin",
        "/signin/check-email",
        "/verify",
        "/join/invalid?reason=gone",
        "/signed-out",
        "/no-such-page",
      ]) {
        await check(a, path, locale, mainVisible);
      }
      // A meeting address without a session: "open your personal link".
      await check(a, meetingPath, locale, async (p) => expect(p.getByTestId("room-signed-out")).toBeVisible());

      // The caseworker: their cases, a new case, the demo case, the agreement and its versions, and
      // the agreement Kurt's first meeting signed (binding, with its signatures).
      const staff = await caseworkerPage(browser, demoLinks().caseworkerEmail);
      await setLocale(staff.context(), locale, baseURL!);
      await check(staff, "/cases", locale, mainVisible);
      await check(staff, "/cases/new", locale, mainVisible);
      await check(staff, new URL(demo.caseUrl).pathname, locale, mainVisible);
      await check(staff, `${meetingPath}/agreement`, locale, mainVisible);
      await check(staff, `/agreements?meeting=${meetingId}`, locale, mainVisible);
      const signedId = new URL(demo.agreementBundles[0]!).pathname.split("/")[3]!;
      await check(staff, `/agreements/${signedId}`, locale, async (p) => {
        // This spec's own copy of the demo: nobody else binds a newer version of its plan.
        await expect(p.getByTestId("agreement-state")).toHaveAttribute("data-state", "binding");
      });

      // The employee: the meeting room (with the meeting flow), who has seen their data, and what is
      // due from them.
      const emp = await browser.newContext();
      await setLocale(emp, locale, baseURL!);
      const e = await emp.newPage();
      await e.goto(links.employee);
      await waitSaved(e);
      await check(e, meetingPath, locale, async (p) => {
        await waitSaved(p);
        await expect(p.getByTestId("meeting-flow")).toBeVisible();
      });
      await check(e, `${meetingPath}/access-log`, locale, mainVisible);
      await check(e, "/me", locale, async (p) => {
        await expect(p.getByTestId("due-item").first()).toBeVisible();
      });

      // The manager: the shared screen, with the employer's business case (the guide's table) open.
      const mgr = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await setLocale(mgr, locale, baseURL!);
      const m = await mgr.newPage();
      await m.goto(links.manager);
      await waitSaved(m);
      await check(m, `${meetingPath}/present`, locale, async (p) => {
        await waitSaved(p);
        await expect(p.getByTestId("present-now")).toBeVisible();
        await p.getByTestId("business-case-toggle").click();
        await expect(p.getByTestId("business-case-table")).toBeVisible();
      });

      for (const c of [anon, staff.context(), emp, mgr]) await c.close();
    });
  }
});

test.describe("languages", () => {
  test("a browser set to Norwegian gets a Norwegian meeting from the first page, and a choice is remembered", async ({ browser }) => {
    const context = await browser.newContext({ locale: "nb-NO" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    const demo = await ownDemo();
    await page.goto(demo.links.employee);
    await waitSaved(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await expect(page.getByRole("heading", { level: 2, name: "Møtet" })).toBeVisible();
    await expect(page.getByTestId("now-phase")).toContainText(/^Trinn \d av 6: /);
    await expect(page.getByRole("heading", { name: "Dagsorden", exact: true })).toBeVisible();
    await page.goto(`${new URL(demo.meetingUrl).pathname}/present`);
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await expect(page.getByTestId("present-qr")).toContainText("Følg med på telefonen din");

    // Switching is remembered for this person, on every page.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto(demo.meetingUrl);
    await waitSaved(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 2, name: "The meeting" })).toBeVisible();
    await context.close();
  });
});
