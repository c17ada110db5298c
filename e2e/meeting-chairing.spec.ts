import { expect, test } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";

/**
 * The chairing details the whole-meeting flow does not reach, on a fresh case: the staff member's
 * way back to the case page; the item clock's gentle over-time warning (on a fast-forwarded
 * clock, no waiting); following the chair and jumping back in one click; and the diagnosis guard
 * beside a shared field — a calm notice for everyone that never blocks typing, offering only the
 * employee (and the caseworker) to move the sentence to the private preparation.
 */
test.describe("chairing details and the diagnosis guard", () => {
  test("over time, following the chair, and a diagnosis moved to the private preparation", async ({ browser }) => {
    test.setTimeout(180_000);
    const cw = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    const { caseUrl, meetingUrl } = await openCaseWithMeeting(cw, "Bodil Jensen");
    const employeeLink = await invite(cw, "employee", "Bodil Jensen");
    const managerLink = await invite(cw, "manager", "Lars Leder");

    // The chair's browser runs on a clock the test can move forward.
    await cw.clock.install();
    await cw.goto(meetingUrl);
    await waitSaved(cw);

    // Staff find their way back to the case page; a participant on a join link has no such link.
    await expect(cw.getByTestId("room-case-link")).toHaveAttribute("href", new URL(caseUrl).pathname);
    const employee = await joinAs(browser, employeeLink);
    const manager = await joinAs(browser, managerLink, { viewport: { width: 390, height: 700 } });
    await expect(employee.getByTestId("room-case-link")).toHaveCount(0);

    // An agenda: a short item, then a long one far down the page.
    for (const [title, minutes] of [
      ["Status", "1"],
      ["Muligheder", "20"],
    ] as const) {
      await cw.getByTestId("agenda-add-title").fill(title);
      await cw.getByTestId("agenda-add-minutes").fill(minutes);
      await cw.getByTestId("agenda-add-submit").click();
      await expect(cw.getByTestId("agenda-item-title").last()).toHaveValue(title);
    }
    await cw.getByTestId("chair-choose-caseworker").click();
    await cw.getByTestId("item-start-first").click();
    const timer = cw.getByTestId("current-item-panel").getByTestId("item-timer");
    await expect(timer).toHaveAttribute("data-running", "true");
    await expect(timer).toHaveAttribute("data-over", "false");

    // Past its one minute: said in words on a calm background, and once to screen readers.
    await cw.clock.fastForward("01:30");
    await expect(timer).toHaveAttribute("data-over", "true");
    await expect(timer.getByTestId("item-timer-over")).toContainText("over tiden");
    await expect(cw.getByTestId("announcer")).toHaveText("Punkt 1 har brugt mere end sine 1 minutter.");
    await expect(cw.getByTestId("now-bar")).toContainText("over tiden");

    // The chair moves the room on: the manager's phone follows to the item the room is on.
    await cw.getByTestId("item-cover-next").click();
    const now = manager.getByTestId("agenda-item-now");
    await expect(now).toBeVisible();
    await expect(now).toBeInViewport();
    await expect(manager.getByTestId("announcer")).toContainText("Muligheder");
    // Looking elsewhere, then back to where the meeting is in one click (focus goes there too).
    await manager.getByTestId("follow-toggle").click();
    await expect(manager.getByTestId("follow-toggle")).toHaveAttribute("aria-pressed", "false");
    await manager.evaluate(() => window.scrollTo(0, 0));
    await expect(now).not.toBeInViewport();
    await manager.getByTestId("jump-to-current").click();
    await expect(now).toBeInViewport();
    await expect(now).toBeFocused();
    await expect(manager.getByTestId("follow-toggle")).toHaveAttribute("aria-pressed", "true");

    // The diagnosis guard. Ordinary text: no notice. A diagnosis: a notice next to that field, on
    // every screen, while the typing goes on untouched.
    const goal = employee.getByTestId("plan-goal");
    await goal.click();
    await employee.keyboard.type("Tilbage på fuld tid inden for 6 måneder.");
    const summary = employee.getByTestId("flow-summary");
    await summary.click();
    const sentence = "Bodil har haft en depression i foråret.";
    const typed = `Korte dage først. ${sentence} Hun glæder sig til at komme tilbage.`;
    await employee.keyboard.type(typed);
    await expect(summary).toHaveValue(typed);
    const empNotice = employee.locator('[data-testid="diagnosis-notice"][data-field-id="flow-summary"]');
    await expect(empNotice).toBeVisible();
    await expect(empNotice).toContainText("depression");
    await expect(employee.locator('[data-testid="diagnosis-notice"][data-field-id="plan-goal"]')).toHaveCount(0);
    const mgrNotice = manager.locator('[data-testid="diagnosis-notice"][data-field-id="flow-summary"]');
    await expect(mgrNotice).toBeVisible();
    // Only the employee and the caseworker can open the private preparation, so only they are offered the move.
    await expect(mgrNotice.getByTestId("guard-move")).toHaveCount(0);
    await expect(empNotice.getByTestId("guard-move")).toBeVisible();

    // Moved: out of the shared document on every screen, into the employee's private preparation.
    await empNotice.getByTestId("guard-move").click();
    await expect(employee.getByTestId("guard-moved")).toBeVisible();
    await expect(summary).toHaveValue("Korte dage først. Hun glæder sig til at komme tilbage.");
    await expect(manager.getByTestId("flow-summary")).toHaveValue("Korte dage først. Hun glæder sig til at komme tilbage.");
    await expect(mgrNotice).toHaveCount(0);
    await employee.getByTestId("prep-toggle").click();
    await expect(employee.getByTestId("prep-note-health")).toHaveValue(new RegExp(sentence.replace(/\./g, "\\.")));

    // Phase, item and clock live in the shared document: a reload shows the same. (From here on,
    // every frame the manager's browser receives is kept, to check what never reaches it.)
    const managerFrames: Buffer[] = [];
    manager.on("websocket", (ws) => ws.on("framereceived", (f) => managerFrames.push(Buffer.from(f.payload))));
    await manager.reload();
    await waitSaved(manager);
    await expect(manager.getByTestId("agenda-item-now")).toBeVisible();
    await expect(manager.getByTestId("agenda-item").nth(1).getByTestId("agenda-item-now")).toHaveCount(1);

    // A reservation's comment is shared too: the guard reads it while it is typed, before it is saved.
    await cw.getByTestId("action-add-text").fill("Aftale arbejdstider");
    await cw.getByTestId("action-add-text").press("Enter");
    for (let i = 0; i < 4; i++) await cw.getByTestId("phase-next").click();
    await expect(employee.getByTestId("phase-stepper")).toHaveAttribute("data-phase", "agreements");
    const item = employee.locator('[data-testid="consent-item"][data-kind="action"]');
    await item.getByTestId("consent-reservations").check();
    await item.getByTestId("consent-comment").fill("Min medicin gør mig træt om morgenen");
    const commentNotice = item.getByTestId("diagnosis-notice");
    await expect(commentNotice).toContainText("medicin");
    await commentNotice.getByTestId("guard-move").click();
    await expect(item.getByTestId("consent-comment")).toHaveValue("");
    await expect(employee.getByTestId("prep-note-health")).toHaveValue(/Min medicin gør mig træt om morgenen/);
    await expect(cw.locator('[data-testid="consent-state"][data-state="reservations"]')).not.toContainText("medicin");
    // Not even for a moment: the comment never reached the manager's browser.
    expect(managerFrames.length).toBeGreaterThan(0);
    expect(managerFrames.some((f) => f.includes(Buffer.from("medicin", "utf8")))).toBe(false);

    for (const p of [cw, employee, manager]) await p.context().close();
  });
});
