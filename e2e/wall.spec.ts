import { expect, test, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";

/**
 * Issue 18, "the shared screen is a wall": at 1920×1080 and at 1280×720 the whole meeting view
 * fits on the screen (long content scrolls inside its own panel), it shows nothing personal to the
 * device that opened it, the plan's newest change is highlighted, and a version ready to sign says
 * so with whose signatures are missing.
 */
const LONG = "Vi aftaler at trappe timerne op i et roligt tempo, med en samtale hver uge om hvordan det går";

async function expectFits(wall: Page): Promise<void> {
  const size = await wall.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    height: window.innerHeight,
    width: window.innerWidth,
  }));
  expect(size.scrollHeight, "the page itself does not scroll").toBeLessThanOrEqual(size.height);
  expect(size.scrollWidth).toBeLessThanOrEqual(size.width);
  const parts = {
    steps: wall.getByTestId("phase-stepper"),
    item: wall.getByTestId("present-item"),
    clock: wall.getByTestId("present-now").getByTestId("item-timer"),
    turn: wall.locator('[data-testid="round-speaker"][data-state="speaking"]'),
    summary: wall.getByTestId("present-summary"),
    plan: wall.getByTestId("present-plan"),
    present: wall.getByTestId("presence-list"),
    qr: wall.getByTestId("present-qr-code"),
    agreement: wall.getByTestId("present-agreement"),
  };
  for (const [name, part] of Object.entries(parts)) {
    await expect(part, name).toBeVisible();
    // Visible on the screen, and not cut off by a panel that scrolls or clips.
    const shown = await part.evaluate((el) => {
      const r = el.getBoundingClientRect();
      let top = Math.max(r.top, 0);
      let bottom = Math.min(r.bottom, window.innerHeight);
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowY === "visible") continue;
        const ar = a.getBoundingClientRect();
        top = Math.max(top, ar.top);
        bottom = Math.min(bottom, ar.bottom);
      }
      return Math.max(0, bottom - top) / Math.min(r.height, window.innerHeight);
    });
    expect(shown, name).toBeGreaterThan(0.95);
  }
}

test("the shared screen fits a wall at 1920×1080 and 1280×720, shows nothing personal, and says whose signatures are missing", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const cw = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  const { meetingUrl } = await openCaseWithMeeting(cw, "Kurt Hansen");
  const employee = await joinAs(browser, await invite(cw, "employee", "Kurt Hansen"));
  await invite(cw, "manager", "Lars Leder");
  await cw.goto(meetingUrl);
  await waitSaved(cw);

  // A long meeting: many agenda items, a long summary, a plan with many actions.
  for (let i = 1; i <= 9; i++) {
    await cw.getByTestId("agenda-add-title").fill(`Punkt nummer ${i}: ${LONG}`);
    await cw.getByTestId("agenda-add-submit").click();
  }
  await cw.getByTestId("plan-goal").fill(`Tilbage i eget job på fuld tid. ${LONG}`);
  for (let i = 1; i <= 8; i++) {
    await cw.getByTestId("action-add-text").fill(`Handling ${i}: ${LONG}`);
    await cw.getByTestId("action-add-submit").click();
  }
  await expect(cw.getByTestId("action-text")).toHaveCount(8);
  await cw.getByTestId("chair-choose-caseworker").click();
  await cw.getByTestId("phase-next").click();
  await cw.getByTestId("item-start-first").click();
  await cw.getByTestId("flow-summary").fill(Array.from({ length: 14 }, (_, i) => `${i + 1}. ${LONG}.`).join("\n"));
  await cw.getByTestId("phase-next").click();
  await cw.getByTestId("phase-next").click();
  await cw.getByTestId("round-start").click();
  const prepared = await cw.request.post("/api/agreements", {
    data: { meetingId: meetingUrl.split("/").at(-1), unionRepSigns: false },
    headers: { origin: new URL(meetingUrl).origin },
  });
  expect(prepared.status()).toBe(201);

  // The wall runs on the chair's own session, in a second tab: still nothing of hers is on it.
  const wall = await cw.context().newPage();
  await wall.setViewportSize({ width: 1920, height: 1080 });
  await wall.goto(`${meetingUrl}/present`);
  await waitSaved(wall);
  await expect(wall.getByTestId("present-agreement")).toContainText("Version 1 af aftalen er klar til underskrift");
  const missing = wall.getByTestId("present-agreement-missing");
  for (const who of ["Kurt Hansen", "Lars Leder"]) await expect(missing).toContainText(who);
  await expectFits(wall);
  await expect(wall.getByTestId("present-view")).not.toContainText("dig)");
  for (const chairOnly of ["phase-next", "phase-back", "item-cover-next", "timer-pause", "round-next", "round-end", "round-start-form"]) {
    await expect(wall.getByTestId(chairOnly), chairOnly).toHaveCount(0);
  }
  // Long content scrolls inside its panel, reachable by keyboard.
  const summary = wall.getByTestId("present-summary");
  expect(await summary.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await expect(summary).toHaveAttribute("tabindex", "0");

  // The chair's buttons only when asked for, and off again.
  const toggle = wall.getByTestId("present-controls-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(wall.getByTestId("round-next")).toBeVisible();
  await toggle.click();
  await expect(wall.getByTestId("round-next")).toHaveCount(0);

  // The plan's newest change is highlighted, in words as well as colour.
  await employee.getByTestId("action-add-text").fill("Ringe til lægen");
  await employee.getByTestId("action-add-submit").click();
  const fresh = wall.getByTestId("present-actions").locator('[data-new="true"]');
  await expect(fresh).toHaveCount(1);
  await expect(fresh).toContainText("Ringe til lægen");
  await expect(fresh).toContainText("Ny");
  await expect(fresh).toBeInViewport();

  await wall.screenshot({ path: test.info().outputPath("wall-1920x1080.png") });
  // A smaller wall, opened afresh.
  await wall.setViewportSize({ width: 1280, height: 720 });
  await wall.reload();
  await waitSaved(wall);
  await expectFits(wall);
  await wall.screenshot({ path: test.info().outputPath("wall-1280x720.png") });

  for (const p of [cw, employee]) await p.context().close();
});
