import { expect, test, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { expectNoSidewaysScroll } from "./meeting-helpers";
import { joinAs, waitSaved } from "./room-helpers";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";

/**
 * Issue 18, "the room on a phone" (390×844): a section menu that stays at hand, the item the meeting
 * is on first, what is waiting for this person one tap away, long titles that wrap instead of being
 * cut off, undo and redo with names.
 */
const PHONE = { width: 390, height: 844 };
/** 120 characters each: longer than any one-line field is wide on a phone. */
const LONG_TITLE =
  "Hjælpemidler ved truckkørsel, pauser i løbet af dagen, hvem der hjælper med de tunge løft, og hvornår vi ser på det igen";
const LONG_ACTION =
  "Ringe til lægen om en attest til arbejdsgiveren, og bagefter aftale en dag, hvor Kurt kan se den nye truck på lageret nu";

/** The whole of the field's text is shown: nothing cut off below, nothing wider than the field. */
async function showsAll(page: Page, testId: string): Promise<void> {
  const field = page.getByTestId(testId).last();
  const fits = await field.evaluate((el) => ({
    height: el.scrollHeight - el.clientHeight,
    width: el.scrollWidth - el.clientWidth,
  }));
  expect(fits, `${testId} shows all of its text`).toEqual({ height: 0, width: 0 });
}

/** The data-testid around the first text one sees below the room's bar (its menu), in page order. */
async function firstBelowMenu(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid="room-bar"]')!;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (bar.contains(n) || !(bar.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      const box = el.getBoundingClientRect();
      // Not what a screen reader alone gets (sr-only is 1×1 px) nor what is hidden.
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === "hidden") continue;
      return el.closest("[data-testid]")?.getAttribute("data-testid") ?? null;
    }
    return null;
  });
}

test("on a phone the room has a persistent section menu, what waits for you first, and long titles wrap", async ({ browser }) => {
  test.setTimeout(180_000);
  expect([LONG_TITLE.length, LONG_ACTION.length]).toEqual([120, 120]);
  const cw = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  const { meetingUrl } = await openCaseWithMeeting(cw, "Kurt Hansen");
  const phone = await joinAs(browser, await invite(cw, "employee", "Kurt Hansen"), { viewport: PHONE });
  await cw.goto(meetingUrl);
  await waitSaved(cw);
  await cw.getByTestId("agenda-add-title").fill(LONG_TITLE);
  await cw.getByTestId("agenda-add-submit").click();

  // The menu is there at 390 px, names every part, and stays in view while scrolling.
  const menu = phone.getByRole("navigation", { name: "Mødets dele" });
  await expect(menu).toBeVisible();
  // (A menu wider than the phone scrolls sideways: every link is in it, by its target.)
  for (const id of ["meeting", "agenda", "plan", "actions", "follow-up", "agreement"]) {
    await expect(menu.locator(`a[href="#${id}"]`).last()).toHaveText(/\S/);
  }
  await menu.locator('a[href="#agreement"]').click();
  await expect(phone.getByTestId("agreement-entry")).toBeInViewport();
  await expect(menu).toBeInViewport();
  await menu.locator('a[href="#agenda"]').click();
  await expect(phone.locator("#agenda-title")).toBeInViewport();

  // A long title wraps: the whole of it is shown, nothing is cut off or wider than the phone.
  const title = phone.getByTestId("agenda-item-title").last();
  await expect(title).toHaveValue(LONG_TITLE);
  await showsAll(phone, "agenda-item-title");
  // Enter does not break a title in two (it is one line, wrapped).
  await title.press("End");
  await title.press("Enter");
  await title.press("Shift+Enter");
  await expect(title).toHaveValue(LONG_TITLE);
  await expectNoSidewaysScroll(phone);

  // So does a 120-character action, while it is typed and once it is added (Enter adds it, as in
  // a one-line field).
  const newAction = phone.getByTestId("action-add-text");
  await newAction.fill(LONG_ACTION);
  await showsAll(phone, "action-add-text");
  await newAction.press("Enter");
  await expect(newAction).toHaveValue("");
  const action = phone.getByTestId("action-text").last();
  await expect(action).toHaveValue(LONG_ACTION);
  // (An action may have several lines: its field grows with them rather than scrolling inside.)
  await showsAll(phone, "action-text");
  await expectNoSidewaysScroll(phone);

  // Undo and redo say their names, not only arrows.
  await expect(phone.getByRole("button", { name: /Fortryd/ })).toBeVisible();
  await expect(phone.getByRole("button", { name: /Gentag/ })).toBeVisible();
  // …visibly, on the phone too (not only to a screen reader).
  for (const [id, word] of [
    ["undo-button", "Fortryd"],
    ["redo-button", "Gentag"],
  ] as const) {
    const box = await phone.getByTestId(id).getByText(word).boundingBox();
    expect(box?.width ?? 0, `${word} is shown`).toBeGreaterThan(20);
  }

  // The chair takes the meeting to the long item and starts a round: on the phone the first thing
  // below the menu is that item — its title, its clock, whose turn it is — before the rest.
  await cw.getByTestId("chair-choose-caseworker").click();
  await cw.getByTestId("phase-next").click();
  const goTo = cw.getByTestId("item-goto-select");
  await goTo.selectOption((await goTo.locator("option").last().getAttribute("value"))!);
  await cw.getByTestId("item-goto").click();
  await cw.getByTestId("round-start").click();
  await phone.evaluate(() => window.scrollTo(0, 0));
  const first = phone.getByTestId("current-item-first");
  await expect(first.getByTestId("current-item-title")).toContainText(LONG_TITLE);
  await expect(first.getByTestId("item-timer")).toBeVisible();
  await expect(first.getByTestId("current-item-turn")).toHaveText("Det er din tur");
  expect(await firstBelowMenu(phone)).toBe("current-item-title");
  await phone.screenshot({ path: test.info().outputPath("phone-current-item-first.png") });
  // Seen in that order too: the item above who is here and above the meeting's own panel (which
  // does not show the item a second time).
  const top = async (testId: string) => (await phone.getByTestId(testId).first().boundingBox())!.y;
  expect(await top("current-item-title")).toBeLessThan(await top("presence-list"));
  expect(await top("current-item-title")).toBeLessThan(await top("meeting-flow"));
  await expect(phone.getByTestId("current-item-panel")).toHaveCount(1);
  // …and by keyboard: Tab from the menu's last link goes into the item, not past it.
  await menu.getByRole("link").last().focus();
  await phone.keyboard.press("Tab");
  await expect(first.locator(":focus")).toHaveCount(1);
  // The wider room keeps its order: the item inside the meeting's panel.
  await expect(cw.getByTestId("meeting-flow").getByTestId("current-item-panel")).toBeVisible();
  await expect(cw.getByTestId("current-item-first")).toHaveCount(0);
  await cw.getByTestId("round-end").click();

  // The chair opens the closing step: the phone's menu starts with the marks waiting for Kurt.
  for (let i = 0; i < 4 && (await cw.getByTestId("phase-stepper").getAttribute("data-phase")) !== "agreements"; i++) {
    await cw.getByTestId("phase-next").click();
  }
  await expect(cw.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "agreements");
  const marks = phone.getByTestId("waiting-marks");
  await expect(marks).toBeVisible();
  await expect(menu.getByRole("link").first()).toHaveAttribute("data-testid", "waiting-marks");
  await marks.click();
  await expect(phone.getByTestId("consent-board").first()).toBeVisible();

  await phone.screenshot({ path: test.info().outputPath("phone-390x844.png") });
  for (const p of [cw, phone]) await p.context().close();
});
