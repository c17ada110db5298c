import { expect, test } from "@playwright/test";
import { ownDemo } from "./demo-links";
import { joinAs } from "./room-helpers";

/**
 * Issue 19, the figures a person feels: Tiptap and ProseMirror were a third of the room's
 * JavaScript (about 130 of 416 KiB as sent), fetched and run before the room could show
 * anything, though only an agenda item's notes use them. The scripts the room's page starts with
 * carry no rich-text editor; it is fetched afterwards, when the first notes editor is built.
 */
test("the room starts without the rich-text editor's code and fetches it when notes need it", async ({ browser }) => {
  const demo = await ownDemo();
  const page = await joinAs(browser, demo.links.employee);
  await expect(page.getByTestId("agenda-item-notes").first()).toBeVisible();
  const scripts = await page.evaluate(async () => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const entries = performance.getEntriesByType("resource").filter((e) => /\.js(\?|$)/.test(e.name)) as PerformanceResourceTiming[];
    return Promise.all(
      entries.map(async (e) => ({
        early: e.startTime < nav.domContentLoadedEventEnd,
        // ProseMirror's view names its DOM descriptions so; nothing else in the room does.
        editor: (await (await fetch(e.name)).text()).includes("pmViewDesc"),
      })),
    );
  });
  expect(scripts.filter((s) => s.early).length).toBeGreaterThan(0);
  expect(scripts.filter((s) => s.early && s.editor)).toEqual([]);
  expect(scripts.filter((s) => !s.early && s.editor).length).toBeGreaterThan(0);
  await page.context().close();
});

/**
 * The editor's code could not be fetched (the connection dropped just then): the notes stay
 * readable as plain text in their box, and going into them tries again — the editor comes, with
 * the cursor in it.
 */
test("when the editor's code cannot be fetched, the notes stay readable and going into them tries again", async ({ browser }) => {
  const demo = await ownDemo();
  // The manager writes in the first item's notes, in a browser that has the editor.
  const manager = await joinAs(browser, demo.links.manager);
  const written = manager.getByTestId("agenda-item").first().getByTestId("agenda-item-notes");
  await written.click();
  await manager.keyboard.type("Kortere dage");
  const context = await browser.newContext({ locale: "da-DK" });
  let refuse = true;
  let refused = 0;
  await context.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (refuse && body.includes("pmViewDesc")) {
      refused++;
      return route.abort("internetdisconnected");
    }
    return route.fulfill({ response, body });
  });
  const page = await context.newPage();
  await page.goto(demo.links.employee);
  const item = page.getByTestId("agenda-item").first();
  const pending = item.getByTestId("agenda-item-notes-pending");
  await expect(pending).toBeVisible();
  await expect.poll(() => refused).toBeGreaterThan(0);
  await expect(pending).toHaveText("Kortere dage");
  await expect(item.getByTestId("agenda-item-notes")).toHaveCount(0);
  // Still following the document.
  await manager.keyboard.type(" i to uger");
  await expect(pending).toHaveText("Kortere dage i to uger");

  refuse = false;
  await pending.focus();
  const notes = item.getByTestId("agenda-item-notes");
  await expect(notes).toBeFocused();
  await expect(notes).toContainText("Kortere dage i to uger");
  await context.close();
  await manager.context().close();
});
