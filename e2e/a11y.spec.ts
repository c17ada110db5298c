import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeFindings, LOCALES, setLocale, type Locale } from "./a11y-helpers";
import { demoLinks, ownDemo } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { caseworkerPage } from "./staff-helpers";

/**
 * Every page, in every language, as the person who would see it: axe-core finds no WCAG 2.1 AA
 * violation, `<html lang>` is the language shown, and the language switch is there. The meeting's
 * states (the chair's view, a running speaking round, consent, the closing check, signing) are
 * walked in e2e/a11y-states-{da,nb,en}.spec.ts (e2e/a11y-states-flow.ts).
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

test.describe("titles and the focus ring", () => {
  test("page titles name the page: a page that does not exist, a link that cannot be used, whose case it is", async ({ browser }) => {
    const demo = await ownDemo();
    const page = await (await browser.newContext({ locale: "da-DK" })).newPage();
    await page.goto("/no-such-page");
    await expect(page).toHaveTitle(/^Siden findes ikke · /);
    await page.goto("/join/invalid?reason=gone");
    await expect(page).toHaveTitle(/^Linket kan ikke bruges længere · /);
    const staff = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    await staff.goto(demo.caseUrl);
    await expect(staff).toHaveTitle(/^Kurt Hansen – tilbage i arbejde · /);
    await setLocale(staff.context(), "en", new URL(demo.caseUrl).origin);
    await staff.reload();
    await expect(staff).toHaveTitle(/^Kurt Hansen’s return to work · /);
    await page.context().close();
    await staff.context().close();
  });

  test("the focus ring stands out at least 3:1 against whatever is around it, on every control one tabs to", async ({ browser }) => {
    test.setTimeout(180_000);
    const demo = await ownDemo();
    const staff = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    const low: string[] = [];
    for (const path of [demo.caseUrl, new URL(demo.meetingUrl).pathname, `${new URL(demo.meetingUrl).pathname}/agreement`, "/verify"]) {
      await staff.goto(path);
      await expect(staff.locator("main#main")).toBeVisible();
      await staff.locator("body").focus();
      for (let i = 0; i < 60; i++) {
        await staff.keyboard.press("Tab");
        const found = await staff.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          // The ring is on the element, or (a rich-text editor) on the box around it (:focus-within).
          let ring: HTMLElement | null = el;
          for (let i = 0; ring && i < 4 && getComputedStyle(ring).outlineStyle === "none"; i++) ring = ring.parentElement;
          const s = getComputedStyle(ring ?? el);
          if (!ring || s.outlineStyle === "none" || parseFloat(s.outlineWidth) === 0) return { what: el.outerHTML.slice(0, 80), ratio: 0 };
          // Any CSS colour (Tailwind's are lab()/oklch()) as sRGB, by painting it.
          const canvas = document.createElement("canvas");
          canvas.width = canvas.height = 1;
          const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
          const rgb = (c: string) => {
            ctx.clearRect(0, 0, 1, 1);
            ctx.fillStyle = c;
            ctx.fillRect(0, 0, 1, 1);
            const [r, g, b2, a] = ctx.getImageData(0, 0, 1, 1).data;
            return [r!, g!, b2!, a! / 255];
          };
          const lum = ([r, g, b]: number[]) => {
            const f = (v: number) => {
              const x = v / 255;
              return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
            };
            return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
          };
          // What the ring is drawn on: the nearest ancestor with a background of its own.
          let bg = "rgb(248, 250, 252)";
          for (let p = ring.parentElement; p; p = p.parentElement) {
            const c = getComputedStyle(p).backgroundColor;
            if (rgb(c)[3]! > 0.5) {
              bg = c;
              break;
            }
          }
          const [a, b] = [lum(rgb(s.outlineColor)), lum(rgb(bg))];
          return {
            what: `${el.tagName} ${el.getAttribute("data-testid") ?? el.textContent?.slice(0, 30)} on ${bg}`,
            ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          };
        });
        if (found && found.ratio < 3) low.push(`${path}: ${found.what} ${found.ratio.toFixed(2)}:1`);
      }
    }
    expect(low).toEqual([]);
    await staff.context().close();
  });
});
