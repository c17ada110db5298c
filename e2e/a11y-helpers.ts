import AxeBuilder from "@axe-core/playwright";
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const LOCALES = ["da", "nb", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Choose the language as a person does (the switch stores this cookie). */
export async function setLocale(context: BrowserContext, locale: Locale, baseURL: string): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules and its best practices, plus WCAG 2.5.3 "label in name"
 * (an experimental rule in axe, so switched on by name): "path [locale] rule: nodes" per finding.
 */
export async function axeFindings(page: Page, where: string, only: string[] = []): Promise<string[]> {
  const builder = new AxeBuilder({ page })
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  for (const selector of only) builder.include(selector);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Soft, so one run reports every page's findings, not only the first page's. `only`: the parts of
 * the page to read (CSS selectors) when the rest was read already in an earlier state.
 */
export async function expectNoAxeFindings(page: Page, where: string, locale: Locale, only: string[] = []): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  expect.soft(await axeFindings(page, `${where} [${locale}]`, only)).toEqual([]);
}
