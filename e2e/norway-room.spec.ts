import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeFindings, setLocale } from "./a11y-helpers";
import { ownNorwegianDemo } from "./demo-links";
import { waitSaved } from "./room-helpers";

/**
 * Issue 17, the Norwegian track: Sofie's dialogue meeting 2 with NAV, in Norwegian. The veileder
 * chairs, the employee judges a work task "can be done with adaptation" and says how, the manager
 * agrees to a measure on the measure's own card, and each sees the other's change live. No Danish
 * instrument is offered, the room has no axe findings, and the case page shows the follow-up plan
 * the binding version froze.
 */
async function openInNorwegian(browser: Browser, link: string, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ locale: "nb-NO" });
  await setLocale(context, "nb", baseURL);
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await waitSaved(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  return page;
}

async function expectNoDanishInstruments(page: Page): Promise<void> {
  await expect(page.getByTestId("plan-tools")).toBeVisible();
  for (const tool of ["section56", "socialChapter", "clarificationCourse", "resourceCourse"])
    await expect(page.getByTestId(`tool-${tool}`)).toHaveCount(0);
  await expect(page.getByText(/§\s?56|sosiale kapitler/i)).toHaveCount(0);
  await expect(page.getByTestId("tool-adaptationGrant")).toBeVisible();
}

test("Norwegian room: a work task judged with adaptation and consent on a measure, live on both screens", async ({ browser, baseURL }) => {
  const demo = await ownNorwegianDemo();
  const veileder = await openInNorwegian(browser, demo.links.caseworker, baseURL!);
  const employee = await openInNorwegian(browser, demo.links.employee, baseURL!);
  const manager = await openInNorwegian(browser, demo.links.manager, baseURL!);

  // NAV's follow-up plan, carried over from dialogue meeting 1; only Norwegian tools on offer.
  for (const p of [veileder, employee, manager]) {
    await expect(p.getByTestId("nav-plan-section")).toBeVisible();
    await expectNoDanishInstruments(p);
  }

  // The employee judges the first task (till and customer service) "can be done with adaptation", and how.
  const task = employee.getByTestId("work-task").first();
  await expect(task.getByTestId("work-task-text")).toHaveValue("Kundeservice og kasse");
  await task.getByLabel("Vurdering").selectOption("adapt");
  await task.getByRole("checkbox", { name: "Med mer tid" }).check();
  await task.getByLabel("Tilretteleggingen med ord").fill("Sitter på en stol ved kassen i de lange vaktene");
  // The manager sees it live.
  const managersTask = manager.getByTestId("work-task").first();
  await expect(managersTask).toHaveAttribute("data-judgement", "adapt");
  await expect(managersTask.getByTestId("work-task-adapt-moreTime")).toBeChecked();
  await expect(managersTask.getByTestId("work-task-note")).toHaveValue("Sitter på en stol ved kassen i de lange vaktene");

  // The veileder chairs and takes the meeting to the agreements: each item is marked on its card.
  await veileder.getByTestId("chair-choose-caseworker").click();
  for (const phase of ["opening", "introductions", "rounds", "agreements"]) {
    await veileder.getByTestId("phase-next").click();
    await expect(veileder.getByTestId("phase-stepper")).toHaveAttribute("data-phase", phase);
  }
  const measure = manager.getByTestId("nav-measure").first();
  await expect(measure.getByTestId("nav-measure-text")).toHaveValue("Hev-senk-kasse");
  // The radio group is named by its item for a screen reader.
  const marks = measure.getByRole("group", { name: "Din markering for: Hev-senk-kasse" });
  await marks.getByRole("radio", { name: "Enig" }).check();
  // The employee sees the manager's mark on the same measure, and on the board.
  const managersMark = employee.getByTestId("nav-measure").first().getByTestId("consent-state").filter({ hasText: "Ola Nordmann" });
  await expect(managersMark).toHaveAttribute("data-state", "agree");
  await expect(employee.locator('[data-testid="consent-item"][data-kind="navMeasure"]')).toHaveCount(3);
  // The closing check counts the follow-up plan's items: the employee has not marked them yet.
  await expect(employee.getByTestId("work-task").first().getByTestId("consent-state").filter({ hasText: "Sofie Lund" })).toHaveAttribute(
    "data-state",
    "missing",
  );

  await expectNoAxeFindings(veileder, "the Norwegian room, agreements", "nb");
  await expectNoAxeFindings(employee, "the Norwegian room, agreements (employee)", "nb");

  // The case page: what the binding version (dialogue meeting 1) agreed in NAV's follow-up plan.
  await employee.goto(demo.caseUrl);
  const agreed = employee.getByTestId("agreed-nav-plan");
  await expect(agreed).toBeVisible();
  await expect(agreed.getByTestId("agreed-work-task")).toHaveCount(3);
  await expect(agreed.locator('[data-testid="agreed-work-task"][data-judgement="adapt"]')).toContainText(
    "Varemottak og påfylling av hyller – Kan gjøres med tilrettelegging",
  );
  await expect(agreed.locator('[data-testid="agreed-work-task"][data-judgement="cannot"]')).toContainText("vurdert av behandleren");
  await expect(agreed.locator('[data-testid="agreed-nav-measure"][data-status="agreed"]').first()).toContainText("Hev-senk-kasse – Avtalt");
  await expect(agreed.getByTestId("agreed-tried")).toContainText("Hvorfor det ikke kunne gjennomføres: Løftene på lageret");
  await expect(agreed.getByTestId("agreed-referral")).toHaveAttribute("data-complete", "true");
  // Read from what was signed, not the room: the employee's new judgement is not there.
  await expect(agreed.getByText("Sitter på en stol")).toHaveCount(0);
});
