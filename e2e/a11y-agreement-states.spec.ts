import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeFindings, LOCALES, setLocale, type Locale } from "./a11y-helpers";
import { demoLinks, ownDemo } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { caseworkerPage } from "./staff-helpers";

/**
 * Issue 18's "done when", the agreement's part: axe finds nothing, in Danish, Norwegian and
 * English, on the agreement page when a new version is asked for without a reason (the error on its
 * field), when a version waits for signatures (the employee's own form with an error, the chair's
 * shared screen taking signatures in turn) and on the wall that says whose signatures are missing.
 * One context per language and person, on this spec's own copy of the demo.
 */
type Windows = { chair: Page; employee: Page; wall: Page };

test("the agreement page's states, in every language, have no axe findings", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const demo = await ownDemo();
  const meetingPath = new URL(demo.meetingUrl).pathname;
  const agreementPath = `${meetingPath}/agreement`;
  const windows = {} as Record<Locale, Windows>;
  for (const locale of LOCALES) {
    const chair = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    await setLocale(chair.context(), locale, baseURL!);
    const employeeContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await setLocale(employeeContext, locale, baseURL!);
    const employee = await employeeContext.newPage();
    await employee.goto(demo.links.employee);
    await waitSaved(employee);
    const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await setLocale(wallContext, locale, baseURL!);
    const wall = await wallContext.newPage();
    await wall.goto(demo.links.manager);
    await waitSaved(wall);
    windows[locale] = { chair, employee, wall };
  }

  // A new version needs a reason; without one the error is on its field.
  for (const locale of LOCALES) {
    const page = windows[locale].chair;
    await page.goto(agreementPath);
    await page.getByTestId("amend-reason").fill("");
    await page.getByTestId("amend-submit").click();
    await expect(page.getByTestId("amend-reason")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeFindings(page, "a new version without a reason", locale);
  }
  // Version 2 (the form itself is walked in e2e/a11y-focus.spec.ts).
  const prepared = await windows.en.chair.request.post("/api/agreements", {
    data: { meetingId: meetingPath.split("/").at(-1), unionRepSigns: true, reason: "Planen er ændret på mødet" },
    headers: { origin: baseURL! },
  });
  expect(prepared.status(), await prepared.text()).toBe(201);

  for (const locale of LOCALES) {
    const { chair: c, employee: e, wall: w } = windows[locale];
    await e.goto(agreementPath);
    const own = e.getByTestId("decision-form-employee");
    await own.getByTestId("sign-submit").click();
    await expect(own.getByTestId("typed-name")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeFindings(e, "a version to sign, signing without a name", locale);
    await c.goto(agreementPath);
    await c.getByTestId("turn-manager").click();
    await expect(c.getByTestId("decision-form-manager")).toBeVisible();
    await expectNoAxeFindings(c, "a version to sign, in turn at the shared screen", locale);
    await w.goto(`${meetingPath}/present`);
    await waitSaved(w);
    await expect(w.getByTestId("present-agreement")).toBeVisible();
    await expectNoAxeFindings(w, "a version to sign, on the wall", locale);
  }

  for (const w of Object.values(windows)) for (const p of Object.values(w)) await p.context().close();
});
