import { expect, test, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";
import { joinAs } from "./room-helpers";

/**
 * Issue 13 §4: "the caseworker's own new agenda items and actions appear 1.6–3.4 s after she adds
 * them". A new item must be on her own screen the moment she adds it — never waiting for the
 * server. Everything that is hers alone is switched on: her staff session, entering by the case
 * page's link (a client-side navigation), the chair, the shared screen open in a second tab of her
 * browser, the closing step with its check. Then every frame between her browser and the server
 * is held back, so no acknowledgement can arrive, and she adds an agenda item and an action.
 */
test("the chair's own new agenda item and action are on her screen before any answer from the server", async ({ browser }) => {
  test.setTimeout(120_000);
  const cw = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  await openCaseWithMeeting(cw, "Bodil Jensen");
  const employee = await joinAs(browser, await invite(cw, "employee", "Bodil Jensen"));

  let hold = false;
  const held: (() => void)[] = [];
  await cw.context().routeWebSocket(/\/collab\//, (page) => {
    const server = page.connectToServer();
    page.onMessage((m) => (hold ? held.push(() => server.send(m)) : server.send(m)));
    server.onMessage((m) => (hold ? held.push(() => page.send(m)) : page.send(m)));
  });
  await cw.getByTestId("open-room").click();
  await expect(cw).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await waitSaved(cw);
  await cw.getByTestId("agenda-add-title").fill("Status");
  await cw.getByTestId("agenda-add-submit").click();
  await cw.getByTestId("chair-choose-caseworker").click();
  await cw.getByTestId("phase-next").click();
  await cw.getByTestId("item-start-first").click();
  const wall: Page = await cw.context().newPage();
  await wall.goto(cw.url() + "/present");
  await expect(wall.getByTestId("present-plan")).toBeVisible();
  await cw.bringToFront();
  for (let i = 0; i < 4; i++) await cw.getByTestId("phase-next").click();
  await expect(cw.getByTestId("closing-check")).toBeVisible();
  await waitSaved(cw);

  hold = true;
  await cw.getByTestId("agenda-add-title").fill("Næste skridt");
  await cw.getByTestId("agenda-add-submit").click();
  await expect(cw.getByTestId("agenda-item-title").last()).toHaveValue("Næste skridt");
  await cw.getByTestId("action-add-text").fill("Aftale arbejdstider");
  await cw.getByTestId("action-add-text").press("Enter");
  await expect(cw.getByTestId("action-text").last()).toHaveValue("Aftale arbejdstider");
  // Nothing has reached the server yet (the employee has neither), and the chair sees both.
  await expect(employee.getByTestId("action-text")).toHaveCount(0);

  // Let the frames go: the others (and her shared screen) get them.
  hold = false;
  for (const send of held.splice(0)) send();
  await expect(employee.getByTestId("action-text").last()).toHaveValue("Aftale arbejdstider");
  await expect(wall.getByTestId("present-actions")).toContainText("Aftale arbejdstider");
  for (const p of [cw, employee]) await p.context().close();
});
