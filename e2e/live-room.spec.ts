import { expect, test } from "@playwright/test";
import * as Y from "yjs";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import { ownDemo } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";

test.describe("the live meeting room", () => {
  test("the ticket endpoint refuses a visitor without a session", async ({ request }) => {
    const meetingId = new URL((await ownDemo()).meetingUrl).pathname.split("/").pop();
    const res = await request.get(`/api/meetings/${meetingId}/ticket`);
    expect(res.status()).toBe(401);
    expect(res.headers()["cache-control"]).toContain("no-store");
  });

  test("a join link signs in, lands in the room and leaves no token in the URL", async ({ browser }) => {
    const { links, meetingUrl } = await ownDemo();
    const page = await joinAs(browser, links.union_rep);
    expect(page.url()).toBe(meetingUrl);
    const answer = await page.request.get(`${new URL(meetingUrl).pathname.replace("/meetings/", "/api/meetings/")}/ticket`);
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { url: string; room: string; params: { ticket: string } };
    expect(body.url).toMatch(/^ws:\/\/.+\/collab$/);
    expect(body.room).toMatch(/^meeting-/);
    expect(typeof body.params.ticket).toBe("string");
    await page.context().close();
  });

  test("opening the room says 'saved' without a flicker of 'sending' for the page's own 'I am here' mark", async ({ browser }) => {
    const { links } = await ownDemo();
    const context = await browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    // Every state the indicator shows, in order.
    await page.addInitScript(() => {
      const log: string[] = [];
      (window as unknown as { __states: string[] }).__states = log;
      new MutationObserver(() => {
        const v = document.querySelector('[data-testid="connection-status"]')?.getAttribute("data-status");
        if (v && log[log.length - 1] !== v) log.push(v);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
    });
    // The page's first write is its "I am here" mark: a Yjs update (sync message 0, update 2).
    const marked = new Promise<void>((resolve) =>
      page.on("websocket", (ws) =>
        ws.on("framesent", ({ payload }) => {
          if (typeof payload !== "string" && payload[0] === 0 && payload[1] === 2) resolve();
        }),
      ),
    );
    await page.goto(links.employee);
    await marked;
    await waitSaved(page);
    // Two frames after the mark went out: whatever it changed on the screen has been drawn.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const states = await page.evaluate(() => (window as unknown as { __states: string[] }).__states);
    expect(states).not.toContain("sending");
    expect(states[states.length - 1]).toBe("saved");
    await context.close();
  });

  test("the manager and the employee see each other's edits to agenda, plan and actions, and a reload keeps them", async ({ browser }) => {
    const { links } = await ownDemo();
    const manager = await joinAs(browser, links.manager);
    const employee = await joinAs(browser, links.employee);

    // Agenda: the manager adds an item; the employee sees it and renames it; the manager sees that.
    const itemsBefore = await employee.getByTestId("agenda-item").count();
    await manager.getByTestId("agenda-add-title").fill("Hjælpemidler ved truckkørsel");
    await manager.getByTestId("agenda-add-minutes").fill("10");
    await manager.getByTestId("agenda-add-submit").click();
    await expect(employee.getByTestId("agenda-item")).toHaveCount(itemsBefore + 1);
    const employeeItem = employee.getByTestId("agenda-item").last();
    const title = employeeItem.getByTestId("agenda-item-title");
    await expect(title).toHaveValue("Hjælpemidler ved truckkørsel");
    await title.click();
    await title.press("End");
    await title.pressSequentially(" og pauser");
    await expect(manager.getByTestId("agenda-item-title").last()).toHaveValue("Hjælpemidler ved truckkørsel og pauser");

    // Rich-text notes typed by the employee reach the manager.
    await employeeItem.getByTestId("agenda-item-notes").click();
    await employee.keyboard.type("Kurt ønsker en stol med bedre ryglæn.");
    await expect(manager.getByTestId("agenda-item").last().getByTestId("agenda-item-notes")).toContainText("bedre ryglæn");

    // Plan: the employee changes the goal and the step; the manager turns a mixer slider and ticks a tool.
    const goal = employee.getByTestId("plan-goal");
    await goal.click();
    await goal.press("ControlOrMeta+End");
    await goal.pressSequentially(" – med en gradvis optrapning");
    await expect(manager.getByTestId("plan-goal")).toHaveValue(/med en gradvis optrapning$/);
    await employee.getByTestId("step-radio-4").check();
    await expect(manager.getByTestId("step-radio-4")).toBeChecked();
    await manager.getByTestId("mixer-hours-3").check();
    await expect(employee.getByTestId("mixer-hours-3")).toBeChecked();
    await manager.getByTestId("tool-mentor").check();
    await expect(employee.getByTestId("tool-mentor")).toBeChecked();

    // Sub-goal with a measure, added by the manager, edited by the employee.
    await manager.getByTestId("subgoal-add").click();
    // The room moves focus to the new sub-goal a frame or more later: wait for it, as a person would.
    await expect(manager.getByTestId("subgoal-text").last()).toBeFocused();
    const managerSub = manager.getByTestId("subgoal").last();
    await managerSub.getByTestId("subgoal-text").fill("Løfter højst 10 kg de første 4 uger");
    const employeeSub = employee.getByTestId("subgoal").last();
    await expect(employeeSub.getByTestId("subgoal-text")).toHaveValue("Løfter højst 10 kg de første 4 uger");
    await employeeSub.getByTestId("subgoal-measure-label").fill("Kg pr. løft");
    await employeeSub.getByTestId("subgoal-measure-from").fill("5");
    await employeeSub.getByTestId("subgoal-measure-target").fill("10");
    await employeeSub.getByTestId("subgoal-measure-target").press("Tab");
    await expect(managerSub.getByTestId("subgoal-measure-label")).toHaveValue("Kg pr. løft");
    await expect(managerSub.getByTestId("subgoal-measure-target")).toHaveValue("10");

    // Actions: the employee adds one; the manager takes ownership and starts it.
    const actionsBefore = await manager.getByTestId("action").count();
    await employee.getByTestId("action-add-text").fill("Prøve den nye truck sammen med Lars");
    await employee.getByTestId("action-add-submit").click();
    await expect(manager.getByTestId("action")).toHaveCount(actionsBefore + 1);
    const managerAction = manager.getByTestId("action").last();
    await expect(managerAction.getByTestId("action-text")).toHaveValue("Prøve den nye truck sammen med Lars");
    await managerAction.getByTestId("action-status").selectOption("in_progress");
    const employeeAction = employee.getByTestId("action").last();
    await expect(employeeAction.getByTestId("action-status")).toHaveValue("in_progress");

    // Follow-up.
    await manager.getByTestId("followup-job-centre").fill("Jobcentret ringer til Kurt efter 2 uger.");
    await expect(employee.getByTestId("followup-job-centre")).toHaveValue("Jobcentret ringer til Kurt efter 2 uger.");

    // Everything is stored: after a reload both still see it.
    await waitSaved(manager);
    await waitSaved(employee);
    for (const page of [manager, employee]) {
      await page.reload();
      await waitSaved(page);
      await expect(page.getByTestId("agenda-item-title").last()).toHaveValue("Hjælpemidler ved truckkørsel og pauser");
      await expect(page.getByTestId("agenda-item").last().getByTestId("agenda-item-notes")).toContainText("bedre ryglæn");
      await expect(page.getByTestId("plan-goal")).toHaveValue(/med en gradvis optrapning$/);
      await expect(page.getByTestId("step-radio-4")).toBeChecked();
      await expect(page.getByTestId("mixer-hours-3")).toBeChecked();
      await expect(page.getByTestId("tool-mentor")).toBeChecked();
      await expect(page.getByTestId("subgoal").last().getByTestId("subgoal-measure-label")).toHaveValue("Kg pr. løft");
      await expect(page.getByTestId("action").last().getByTestId("action-status")).toHaveValue("in_progress");
      await expect(page.getByTestId("followup-job-centre")).toHaveValue("Jobcentret ringer til Kurt efter 2 uger.");
    }
    await manager.context().close();
    await employee.context().close();
  });

  test("an agenda item added by a stock y-websocket client appears in every open room", async ({ browser }) => {
    const { links, meetingUrl } = await ownDemo();
    const caseworker = await joinAs(browser, links.caseworker);
    const manager = await joinAs(browser, links.manager);
    const ticket = (await (
      await caseworker.request.get(`${new URL(meetingUrl).pathname.replace("/meetings/", "/api/meetings/")}/ticket`)
    ).json()) as {
      url: string;
      room: string;
      params: Record<string, string>;
    };
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(ticket.url, ticket.room, doc, {
      params: ticket.params,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once("sync", () => resolve())));
      // Exactly what an outside tool does: push a Y.Map with an id and a Y.Text title.
      const item = new Y.Map<unknown>();
      item.set("id", "outside-tool-item");
      item.set("title", new Y.Text("Punkt fra et andet værktøj"));
      doc.getArray("agenda").push([item]);
      for (const page of [caseworker, manager]) {
        await expect(
          page.locator('[data-testid="agenda-item"][data-item-id="outside-tool-item"] [data-testid="agenda-item-title"]'),
        ).toHaveValue("Punkt fra et andet værktøj");
      }
    } finally {
      provider.destroy();
      doc.destroy();
      await caseworker.context().close();
      await manager.context().close();
    }
  });
});

test("four participants from the four demo links are present together and each sees the others' edits", async ({ browser }) => {
  const { links } = await ownDemo();
  const roles = ["caseworker", "employee", "manager", "union_rep"] as const;
  const pages = [];
  for (const role of roles) pages.push(await joinAs(browser, links[role]));
  try {
    // Everyone sees everyone in the room.
    for (const page of pages) {
      await expect(page.locator('[data-testid="presence-person"][data-present="true"]')).toHaveCount(4);
    }
    // Each person adds an action of their own; all four see all four.
    for (const [i, page] of pages.entries()) {
      await page.getByTestId("action-add-text").fill(`Handling fra ${roles[i]}`);
      await page.getByTestId("action-add-submit").click();
    }
    for (const page of pages) {
      await expect
        .poll(() => page.getByTestId("action-text").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
        .toEqual(expect.arrayContaining(roles.map((r) => `Handling fra ${r}`)));
    }
  } finally {
    for (const page of pages) await page.context().close();
  }
});
