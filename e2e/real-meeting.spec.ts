import { expect, test, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { setUpInvitedCase } from "./staff-helpers";
import { dayFromToday } from "./dates";

/**
 * Issue 13's "done when": a new case (not the demo), run as a 90-minute meeting by four people in
 * four browsers with the shared screen on, ends in a binding agreement without anyone signing in
 * again. Time passes through the server's test clock (STEPWISE_TEST_CLOCK=1, loopback only:
 * lib/time/server-clock.ts), never by waiting — moved for these four browsers' requests only (a
 * header), so specs running beside this one keep the real time. On the way: consent for the whole plan with a
 * reservation that is resolved, a date warning, a length limit, an edit after freezing that the
 * signing page and the room both name, and a new version made from there.
 */

const NAMES = { caseworker: "Mette Sørensen", employee: "Jonas Holm", manager: "Lars Leder", union_rep: "Tina Tillid" } as const;
type Role = keyof typeof NAMES;

/** The header that moves the server's clock for one request (lib/time/server-clock.ts). */
const TEST_CLOCK_HEADER = "x-stepwise-test-clock-minutes";

/** From now on, every request of these browsers is answered as if `minutes` had passed. */
async function moveServerClock(pages: Page[], minutes: number): Promise<void> {
  for (const context of new Set(pages.map((p) => p.context()))) await context.setExtraHTTPHeaders({ [TEST_CLOCK_HEADER]: String(minutes) });
  // The server reads the moved clock: /api/time answers two hours on.
  const { now } = (await (await pages[0]!.request.get("/api/time", { headers: { [TEST_CLOCK_HEADER]: String(minutes) } })).json()) as {
    now: number;
  };
  expect(now - Date.now()).toBeGreaterThan((minutes - 1) * 60_000);
}

/** The agreement page in a second tab of the person's own browser: the room stays open in the first. */
async function agreementTab(room: Page, meetingUrl: string): Promise<Page> {
  const tab = await room.context().newPage();
  await tab.goto(`${meetingUrl}/agreement`);
  return tab;
}

test.describe("a real meeting, start to binding agreement", () => {
  test("issue 13: a new case run as a 90-minute meeting by four people ends in a binding agreement without anyone signing in again", async ({
    browser,
  }) => {
    test.setTimeout(420_000);
    const invited = await setUpInvitedCase(browser, demoLinks().caseworkerEmail, NAMES.employee);
    const { caseworker: cw, employee, manager, unionRep, meetingUrl, caseUrl } = invited;
    await cw.goto(meetingUrl);
    await waitSaved(cw);
    const rooms: Record<Role, Page> = { caseworker: cw, employee, manager, union_rep: unionRep };
    // The shared screen runs on the caseworker's own session, in a second tab, the whole meeting.
    const screen = await cw.context().newPage();
    await screen.goto(`${meetingUrl}/present`);
    await expect(screen.getByTestId("present-view")).toBeVisible();

    // The plan, typed in the room.
    await cw.getByTestId("plan-goal").fill("Tilbage i eget job på fuld tid inden for et halvt år");
    await cw.getByTestId("step-radio-4").check();
    await cw.getByTestId("subgoal-add").click();
    // The room moves focus to the new sub-goal a frame or more later: wait for it, as a person would.
    await expect(cw.getByTestId("subgoal-text").last()).toBeFocused();
    await cw.getByTestId("subgoal-text").fill("20 timer om ugen inden for 6 uger");
    await cw.getByTestId("action-add-text").fill("Aftale arbejdstider og opgaver");
    await cw.getByTestId("action-add-submit").click();
    await expect(manager.getByTestId("action-text")).toHaveValue("Aftale arbejdstider og opgaver");

    // Lengths: 3,419 characters pasted into an action stop at its limit, in a multi-line field.
    const actionText = manager.getByTestId("action-text");
    expect(await actionText.evaluate((el) => el.tagName)).toBe("TEXTAREA");
    await actionText.fill(`Aftale arbejdstider og opgaver ${"x".repeat(3419)}`);
    await expect(manager.getByTestId("action-text-count")).toBeVisible();
    await expect.poll(async () => (await cw.getByTestId("action-text").inputValue()).length).toBe(500);
    await actionText.fill("Aftale arbejdstider og opgaver");
    await expect(cw.getByTestId("action-text")).toHaveValue("Aftale arbejdstider og opgaver");

    // Dates: a due date before the meeting's day is named calmly at the field.
    await cw.getByTestId("action-due").fill(dayFromToday(0));
    await expect(employee.getByTestId("action-due-warning")).toBeVisible();
    await cw.getByTestId("action-due").fill("2031-02-03");
    await expect(employee.getByTestId("action-due-warning")).toHaveCount(0);
    await cw.getByTestId("followup-how-often").fill("Jonas og Lars taler sammen hver fredag");
    await cw.getByTestId("followup-next-meeting").fill("2031-03-04T10:00");

    // Chairing: the caseworker chairs and takes the room to the agreements step.
    await cw.getByTestId("chair-choose-caseworker").click();
    for (let i = 0; i < 4; i++) await cw.getByTestId("phase-next").click();
    for (const p of Object.values(rooms)) await expect(p.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "agreements");

    // Consent for the whole plan: goal, step, sub-goal, mixer desk, tools, action, follow-up.
    for (const p of Object.values(rooms)) await expect(p.getByTestId("consent-item")).toHaveCount(7);
    const step = (p: Page) => p.locator('[data-testid="consent-item"][data-kind="step"]');
    await step(unionRep).getByTestId("consent-reservations").check();
    await step(unionRep).getByTestId("consent-comment").fill("Er trin 4 ikke for tidligt?");
    await step(unionRep).getByTestId("consent-comment-save").click();
    const unionOnStep = step(cw).locator(`[data-testid="consent-state"][data-state="reservations"]`);
    await expect(unionOnStep).toContainText("Er trin 4 ikke for tidligt?");
    for (const role of ["caseworker", "employee", "manager", "union_rep"] as const) {
      for (const item of await rooms[role].getByTestId("consent-item").all()) await item.getByTestId("consent-agree").check();
    }
    // Switching to "agree" clears the comment from the board (the history keeps it, and the agreement will say so).
    await expect(step(cw).locator('[data-testid="consent-state"][data-state="reservations"]')).toHaveCount(0);
    await expect(step(cw)).not.toContainText("Er trin 4 ikke for tidligt?");
    await expect(step(cw).getByTestId("consent-resolved-note")).toBeVisible();

    // Closing: everyone agrees, the dates fit, the next meeting is set.
    await cw.getByTestId("phase-next").click();
    await expect(cw.getByTestId("closing-check")).toHaveAttribute("data-ready", "true");
    await expect(cw.getByTestId("closing-dates")).toHaveAttribute("data-ok", "true");
    await cw.getByTestId("closing-confirm").click();
    await cw.getByTestId("closing-prepare").click();
    await expect(cw).toHaveURL(/\/agreement$/);
    await cw.getByTestId("prepare-submit").click();
    await expect(cw.getByTestId("agreement-state")).toHaveAttribute("data-state", "awaiting_signatures");
    await expect(cw.getByTestId("frozen-agreement")).toContainText("Er trin 4 ikke for tidligt?");

    // An edit after freezing: the manager changes the goal in the room. The room says so at once…
    await manager.getByTestId("plan-goal").fill("Tilbage i eget job på fuld tid inden for fire måneder");
    await expect(manager.getByTestId("room-plan-drift")).toBeVisible({ timeout: 30_000 });
    await expect(employee.getByTestId("room-plan-drift-changes")).toContainText("fire måneder", { timeout: 30_000 });
    // …and so does the signing page, at the top, with what differs and the way to a new version.
    const firstFingerprint = await cw.getByTestId("fingerprint").getAttribute("data-fingerprint");
    await cw.reload();
    await expect(cw.getByTestId("plan-drift")).toBeVisible();
    await expect(cw.getByTestId("plan-drift-changes")).toContainText("fire måneder");
    await cw.getByTestId("drift-new-version").click();
    await expect(cw.getByTestId("amend-reason")).not.toHaveValue("");
    await cw.getByTestId("amend-submit").click();
    await expect(cw.getByTestId("fingerprint")).not.toHaveAttribute("data-fingerprint", firstFingerprint!);
    await expect(cw.getByTestId("plan-drift")).toHaveCount(0);
    await expect(cw.getByTestId("frozen-agreement")).toContainText("fire måneder");
    await expect(manager.getByTestId("room-plan-drift")).toHaveCount(0, { timeout: 30_000 });

    // Ninety minutes and more have passed: nobody has signed in again.
    await moveServerClock([cw, employee, manager, unionRep], 120);
    const tabs: Record<Role, Page> = {
      caseworker: cw,
      employee: await agreementTab(employee, meetingUrl),
      manager: await agreementTab(manager, meetingUrl),
      union_rep: await agreementTab(unionRep, meetingUrl),
    };
    await cw.reload();
    for (const role of ["employee", "manager", "union_rep", "caseworker"] as const) {
      const page = tabs[role];
      const form = page.getByTestId(`decision-form-${role}`);
      await form.getByTestId("typed-name").fill(NAMES[role]);
      await form.getByTestId("read-and-agree").check();
      await form.getByTestId("sign-submit").click();
      await expect(page.getByTestId(`signer-${role}`)).toHaveAttribute("data-state", "signed");
      await expect(form).toHaveCount(0);
    }
    for (const page of Object.values(tabs)) await expect(page.getByTestId("agreement-state")).toHaveAttribute("data-state", "binding");

    // The signed version says who signed and when, not "– skal skrive under".
    const frozen = tabs.employee.getByTestId("frozen-agreement");
    await tabs.employee.reload();
    await expect(frozen).toContainText(`${NAMES.employee} – skrev under`);
    await expect(frozen).not.toContainText("– skal skrive under");

    // The shared screen never went blank, and everyone's room is still connected.
    await expect(screen.getByTestId("present-view")).toBeVisible();
    for (const p of [screen, employee, manager, unionRep]) await waitSaved(p);

    // The employee, who just signed, is not asked to confirm having read it.
    await tabs.employee.goto(caseUrl);
    await expect(tabs.employee.getByTestId("my-receipt")).toBeVisible();
    await expect(tabs.employee.getByTestId("confirm-read")).toHaveCount(0);

    await Promise.all([cw, employee, manager, unionRep].map((p) => p.context().close()));
  });
});
