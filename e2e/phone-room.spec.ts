import { expect, test } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { expectNoSidewaysScroll } from "./meeting-helpers";
import { joinAs, waitSaved } from "./room-helpers";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";

/**
 * Issue 18, "the room on a phone" (390×844): a section menu that stays at hand, what is waiting for
 * this person first, long titles that wrap instead of being cut off, undo and redo with names.
 */
const PHONE = { width: 390, height: 844 };
const LONG_TITLE = "Hjælpemidler ved truckkørsel, pauser i løbet af dagen og hvem der hjælper med de tunge løft";

test("on a phone the room has a persistent section menu, what waits for you first, and long titles wrap", async ({ browser }) => {
  test.setTimeout(120_000);
  const cw = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  const { meetingUrl } = await openCaseWithMeeting(cw, "Kurt Hansen");
  const phone = await joinAs(browser, await invite(cw, "employee", "Kurt Hansen"), { viewport: PHONE });
  await cw.goto(meetingUrl);
  await waitSaved(cw);
  await cw.getByTestId("agenda-add-title").fill(LONG_TITLE);
  await cw.getByTestId("agenda-add-submit").click();
  await cw.getByTestId("action-add-text").fill("Ringe til lægen");
  await cw.getByTestId("action-add-submit").click();

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
  const fits = await title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1);
  expect(fits).toBe(true);
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

  // The chair opens the closing step: the phone's menu starts with the marks waiting for Kurt.
  await cw.getByTestId("chair-choose-caseworker").click();
  for (let i = 0; i < 4; i++) await cw.getByTestId("phase-next").click();
  await expect(cw.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "agreements");
  const marks = phone.getByTestId("waiting-marks");
  await expect(marks).toBeVisible();
  await expect(menu.getByRole("link").first()).toHaveAttribute("data-testid", "waiting-marks");
  await marks.click();
  await expect(phone.getByTestId("consent-board").first()).toBeVisible();

  await phone.screenshot({ path: test.info().outputPath("phone-390x844.png") });
  for (const p of [cw, phone]) await p.context().close();
});
