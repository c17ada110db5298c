import { expect, test } from "@playwright/test";
import { demoLinks, ownDemo } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";
import { setUpInvitedCase } from "./staff-helpers";

/**
 * The diagnosis guard everywhere text is entered, and the shared screen: a sentence that names a
 * diagnosis is shown in large type to the whole room — the manager too — only after the employee
 * or the caseworker has looked at it. Until they move it to the private preparation or choose to
 * leave it, the shared screen shows a neutral note in its place. Anyone else's "leave it" hides
 * the notice on their own device and changes nothing on the wall.
 */
test.describe("the shared screen masks what may be health data", () => {
  test("a diagnosis in the running summary and in an action is masked on the wall until the employee leaves it or the caseworker moves it", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const { caseworker: cw, employee, manager, meetingUrl } = await setUpInvitedCase(browser, demoLinks().caseworkerEmail);
    await cw.goto(meetingUrl);
    await waitSaved(cw);
    const wall = await cw.context().newPage();
    await wall.goto(`${meetingUrl}/present`);
    await expect(wall.getByTestId("present-plan")).toBeVisible();

    // The employee writes the summary; the manager adds an action. Both name something medical.
    const sentence = "Bodil har haft en depression i foråret.";
    await employee.getByTestId("flow-summary").fill(`Korte dage først. ${sentence} Hun glæder sig til at komme tilbage.`);
    await manager.getByTestId("action-add-text").fill("Aftale pauser. Hun tager medicin om morgenen.");
    await manager.getByTestId("action-add-text").press("Enter");
    await expect(cw.getByTestId("action-text")).toHaveValue("Aftale pauser. Hun tager medicin om morgenen.");

    const wallSummary = wall.getByTestId("present-summary-text");
    await expect(wallSummary).toContainText("Korte dage først.");
    await expect(wallSummary).toContainText("Hun glæder sig til at komme tilbage.");
    await expect(wallSummary).toContainText("skjult her: kan handle om helbred");
    await expect(wallSummary).not.toContainText("depression");
    const wallActions = wall.getByTestId("present-actions");
    await expect(wallActions).toContainText("Aftale pauser.");
    await expect(wallActions).toContainText("skjult her");
    await expect(wallActions).not.toContainText("medicin");

    // The manager's "leave it" only quiets his own notice.
    const managerNotice = manager.locator('[data-testid="diagnosis-notice"][data-field-id="flow-summary"]');
    await managerNotice.getByTestId("guard-keep").click();
    await expect(managerNotice).toHaveCount(0);

    // The employee decides to leave the summary's sentence: now the wall shows it, and nobody's
    // device nags about it any more.
    const employeeNotice = employee.locator('[data-testid="diagnosis-notice"][data-field-id="flow-summary"]');
    await expect(employeeNotice).toContainText("På fællesskærmen er sætningen skjult");
    await employeeNotice.getByTestId("guard-keep").click();
    await expect(wallSummary).toContainText(sentence);
    await expect(cw.locator('[data-testid="diagnosis-notice"][data-field-id="flow-summary"]')).toHaveCount(0);
    // The action's sentence is still masked: leaving one passage leaves only that one.
    await expect(wallActions).not.toContainText("medicin");

    // The caseworker moves the action's sentence to the private preparation: gone from the document.
    const actionNotice = cw.locator('[data-testid="diagnosis-notice"][data-field-id$="-text"]');
    await actionNotice.getByTestId("guard-move").click();
    await expect(cw.getByTestId("guard-moved")).toBeVisible();
    await expect(wallActions).toContainText("Aftale pauser.");
    await expect(wallActions).not.toContainText("skjult her");
    await expect(wallActions).not.toContainText("medicin");

    // Agenda notes are guarded too: a sentence naming a diagnosis typed into an item's notes is
    // named at the notes, and moving it takes it out of the shared document (the manager's too).
    await cw.getByTestId("agenda-add-title").fill("Status");
    await cw.getByTestId("agenda-add-submit").click();
    await expect(employee.getByTestId("agenda-item-title").last()).toHaveValue("Status");
    const notes = employee.getByTestId("agenda-item").last().getByTestId("agenda-item-notes");
    await notes.click();
    await employee.keyboard.type("Korte dage først. Hun har en depression.");
    await expect(manager.getByTestId("agenda-item").last().getByTestId("agenda-item-notes")).toContainText("depression");
    const notesNotice = employee.getByTestId("agenda-item").last().getByTestId("diagnosis-notice");
    await expect(notesNotice).toContainText("depression");
    await notesNotice.getByTestId("guard-move").click();
    await expect(employee.getByTestId("guard-moved").last()).toBeVisible();
    await expect(manager.getByTestId("agenda-item").last().getByTestId("agenda-item-notes")).toContainText("Korte dage først.");
    await expect(manager.getByTestId("agenda-item").last().getByTestId("agenda-item-notes")).not.toContainText("depression");
    for (const p of [cw, employee, manager]) await p.context().close();
  });

  test("a progress note others will read is checked before it is saved, and the sentence can be taken out", async ({ browser }) => {
    const lars = await joinAs(browser, (await ownDemo()).links.manager);
    await lars.goto((await ownDemo()).caseUrl);
    const hours = lars.getByTestId("measure").nth(1);
    const note = hours.getByTestId("progress-note");
    await note.fill("God uge. Han fik ny medicin mandag.");
    const notice = hours.getByTestId("diagnosis-notice");
    await expect(notice).toContainText("medicin");
    await expect(notice).toContainText("Alle i forløbet kan læse noten");
    await notice.getByTestId("guard-take-out").click();
    await expect(note).toHaveValue("God uge.");
    await expect(hours.getByTestId("guard-moved")).toContainText("taget ud");
    await lars.context().close();
  });
});
