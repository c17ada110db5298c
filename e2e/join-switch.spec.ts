import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext } from "@playwright/test";
import { ownDemo } from "./demo-links";

/**
 * Issue 12.11: a join link of another participant, opened in a browser that is already signed in
 * as someone, asks before it replaces that session ("continue as …?"), in the person's language,
 * with the keyboard, and without the token ever appearing in an address or a Referer.
 */
const sessionOf = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name.endsWith("stepwise.session"))?.value;

test("attack 12.11: a stranger's own join link does not silently take over the employee's browser", async ({ browser }) => {
  const { links, meetingUrl } = await ownDemo();
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(links.employee);
  await expect(page).toHaveURL(meetingUrl);
  const employeeSession = await sessionOf(context);
  expect(employeeSession).toBeTruthy();

  const token = links.manager.split("/join/")[1]!;
  const seen: string[] = [];
  page.on("request", (r) => seen.push(`${r.url()} ${r.headers()["referer"] ?? ""}`));

  // The manager's own link, opened in the employee's browser: a question, not a swap.
  await page.goto(links.manager);
  await expect(page).toHaveURL(/\/join\/confirm$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Continue as Lars Nielsen?");
  await expect(page.getByTestId("join-confirm-body")).toHaveText(
    "You are signed in as Kurt Hansen (Employee) in this browser. The link you opened is for Lars Nielsen (Manager).",
  );
  await expect(page.getByTestId("join-keep")).toBeFocused();
  const a11y = await new AxeBuilder({ page }).analyze();
  expect(a11y.violations.map((v) => v.id)).toEqual([]);
  expect(await sessionOf(context)).toBe(employeeSession);

  // Escape keeps the employee, back in their room.
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(meetingUrl);
  expect(await sessionOf(context)).toBe(employeeSession);
  expect((await page.request.get(`/api/meetings/${new URL(meetingUrl).pathname.split("/").pop()}/access-log`)).status()).toBe(200);

  // Only the navigation to the link itself ever carried the token.
  expect(seen.filter((s) => s.includes(token) && !s.startsWith(links.manager))).toEqual([]);
  expect(page.url()).not.toContain(token);
  await context.close();
});

test("choosing to continue as the link's person switches, and the same person's own link asks nothing (Danish)", async ({ browser }) => {
  const { links, meetingUrl } = await ownDemo();
  const context = await browser.newContext({ locale: "da-DK" });
  const page = await context.newPage();
  await page.goto(links.union_rep);
  await expect(page).toHaveURL(meetingUrl);
  const before = await sessionOf(context);

  await page.goto(links.observer);
  await expect(page).toHaveURL(/\/join\/confirm$/);
  await expect(page.getByTestId("join-keep")).toHaveText(/^Bliv som /);
  // Keyboard only: Tab to the second choice and press Enter.
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("join-switch")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(meetingUrl);
  const after = await sessionOf(context);
  expect(after).toBeTruthy();
  expect(after).not.toBe(before);

  // The observer opening their own link again goes straight in.
  await page.goto(links.observer);
  await expect(page).toHaveURL(meetingUrl);
  await context.close();
});
