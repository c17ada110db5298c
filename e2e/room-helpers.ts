import { expect, type Browser, type Page } from "@playwright/test";

/** Open a participant's join link in a fresh browser context and wait until the room is live. */
export async function joinAs(
  browser: Browser,
  link: string,
  opts: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({ locale: opts.locale ?? "da-DK", viewport: opts.viewport });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await waitSaved(page);
  return page;
}

/** The connection indicator says everything is saved on the server (or, for observers, following). */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", /^(saved|following)$/);
}
