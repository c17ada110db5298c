import { expect, test, type Browser, type Page } from "@playwright/test";
import { ownDemo } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { countRenders, readRenders, resetRenders } from "./render-probe";

/** A participant's tab (or the shared screen) whose React renders are counted from the start. */
async function counted(browser: Browser, link: string, then?: string): Promise<Page> {
  const context = await browser.newContext({ locale: "da-DK" });
  const page = await context.newPage();
  await countRenders(page);
  await page.goto(link);
  await waitSaved(page);
  if (then) {
    await page.goto(then);
    await waitSaved(page);
  }
  return page;
}

/**
 * Issue 19 (four people typing at once fell seconds behind) and issue 13 §4: the running summary
 * was part of the meeting flow, so each keystroke in it re-rendered every reader of the flow — the
 * step, the clock, the chair's controls, the consent board, the closing check, the section menu —
 * in every browser and on the shared screen. A keystroke now re-renders the summary's own readers.
 * Counted through React's DevTools hook (e2e/render-probe.ts), no timings.
 */
test("a keystroke in the running summary re-renders its readers, not the whole meeting", async ({ browser }) => {
  const demo = await ownDemo();
  const typist = await counted(browser, demo.links.employee);
  const manager = await counted(browser, demo.links.manager);
  const wall = await counted(browser, demo.links.union_rep, `${demo.meetingUrl}/present`);
  const field = typist.getByTestId("flow-summary");
  await field.click();
  await field.press("End");
  await typist.keyboard.type(" Før:");
  await expect(manager.getByTestId("flow-summary")).toHaveValue(/ Før:$/);
  await expect(wall.getByTestId("present-summary-text")).toContainText("Før:");

  await resetRenders(manager);
  await resetRenders(wall);
  const keys = "kortere dage";
  for (let i = 0; i < keys.length; i++) {
    await typist.keyboard.type(keys[i]!);
    await expect(manager.getByTestId("flow-summary")).toHaveValue(new RegExp(`Før:${keys.slice(0, i + 1)}$`));
  }
  await expect(wall.getByTestId("present-summary-text")).toContainText(`Før:${keys}`);
  await waitSaved(typist);
  const room = await readRenders(manager);
  const screen = await readRenders(wall);
  // Before: 20 components a keystroke in the room and 23 on the shared screen (the meeting flow
  // panel, the step, the clock, the chair's controls, the section menu, the wall's plan…); now the
  // summary field and its label, and on the wall the summary card. A clock tick in between adds one.
  const where = `room ${JSON.stringify(room.where)}; screen ${JSON.stringify(screen.where)}`;
  expect(room.renders / keys.length, where).toBeLessThanOrEqual(6);
  expect(screen.renders / keys.length, where).toBeLessThanOrEqual(4);
  for (const reader of ["meeting-flow", "section-menu", "phase-stepper", "chair-picker"]) expect(room.where[reader], where).toBeUndefined();
  for (const reader of ["present-plan", "present-agenda", "phase-stepper"]) expect(screen.where[reader], where).toBeUndefined();
  for (const p of [typist, manager, wall]) await p.context().close();
});
