import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ownDemo } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";

/**
 * The private preparation never reaches anyone but the employee and the caseworker: not in the
 * HTML, not in any script or response body, not in any WebSocket frame. Proven by recording
 * everything the manager's browser receives while the employee types a unique phrase, with the
 * same recorder on the caseworker's browser as the positive control.
 */
type Recorder = { bodies: Buffer[]; frames: Buffer[]; requests: string[]; sockets: string[] };

function record(page: Page): Recorder {
  const r: Recorder = { bodies: [], frames: [], requests: [], sockets: [] };
  page.on("request", (req) => r.requests.push(req.url()));
  page.on("response", async (res) => {
    try {
      r.bodies.push(await res.body());
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  page.on("websocket", (ws) => {
    r.sockets.push(ws.url());
    ws.on("framereceived", (f) => r.frames.push(typeof f.payload === "string" ? Buffer.from(f.payload) : Buffer.from(f.payload)));
  });
  return r;
}

function contains(r: Recorder, phrase: string): { bodies: boolean; frames: boolean } {
  const needle = Buffer.from(phrase, "utf8");
  return { bodies: r.bodies.some((b) => b.includes(needle)), frames: r.frames.some((f) => f.includes(needle)) };
}

async function openPrep(page: Page): Promise<void> {
  await page.getByTestId("prep-toggle").click();
  await expect(page.locator('[data-testid="prep-status"][data-status="saved"]')).toBeVisible();
}

/**
 * Append `text` in one edit (as a paste would), so the phrase travels in one Yjs update and a
 * byte search of the frames can find it; typed letter by letter it would be split across frames.
 */
async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(`${await field.inputValue()}${text}`);
  await expect(page.locator('[data-testid="prep-status"][data-status="saved"]')).toBeVisible();
}

async function expectAxeClean(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const meetingId = async () => new URL((await ownDemo()).meetingUrl).pathname.split("/").pop()!;

test.describe("the private preparation", () => {
  test("the manager's browser receives no trace of it, while the caseworker sees it live", async ({ browser }) => {
    const { links } = await ownDemo();
    const phrase = `PREPSECRET${randomBytes(6).toString("hex")}`;
    const livePhrase = `PREPLIVE${randomBytes(6).toString("hex")}`;
    const itemPhrase = `PREPITEM${randomBytes(6).toString("hex")}`;

    const employee = await joinAs(browser, links.employee);
    await openPrep(employee);
    await typeInto(employee, "prep-note-health", ` ${phrase}`);
    await employee.getByTestId("sharing-new").fill(`Diagnosis ${itemPhrase}`);
    await employee.getByTestId("sharing-add").click();
    await expect(employee.getByTestId("sharing-item-text").last()).toHaveValue(`Diagnosis ${itemPhrase}`);
    await employee.getByTestId("sharing-item").last().getByTestId("sharing-may-no").check();
    await expect(employee.locator('[data-testid="prep-status"][data-status="saved"]')).toBeVisible();
    await expectAxeClean(employee, '[data-testid="prep-slot"]');

    // The manager arrives after the phrase was written, and stays while more is written.
    const managerContext = await browser.newContext({ locale: "da-DK" });
    const manager = await managerContext.newPage();
    const managerSaw = record(manager);
    await manager.goto(links.manager);
    await waitSaved(manager);
    await expect(manager.getByTestId("prep-slot")).toHaveCount(0);

    const caseworkerContext = await browser.newContext({ locale: "da-DK" });
    const caseworker = await caseworkerContext.newPage();
    const caseworkerSaw = record(caseworker);
    await caseworker.goto(links.caseworker);
    await waitSaved(caseworker);
    await openPrep(caseworker);
    await expect(caseworker.getByTestId("prep-note-health")).toHaveValue(new RegExp(phrase));
    await expect(caseworker.getByTestId("sharing-item-text").last()).toHaveValue(`Diagnosis ${itemPhrase}`);
    await expect(caseworker.getByTestId("sharing-item").last().getByTestId("sharing-may-no")).toBeChecked();

    // Typed while both are connected: the caseworker receives it live (so it went through the server).
    await typeInto(employee, "prep-note-employee", livePhrase);
    await expect(caseworker.getByTestId("prep-note-employee")).toHaveValue(new RegExp(livePhrase));

    // The manager's own page tries the doors: the ticket endpoint and the socket both refuse.
    const id = await meetingId();
    const prepRoom = ((await (await employee.request.get(`/api/meetings/${id}/ticket?doc=prep`)).json()) as { room: string }).room;
    expect(prepRoom).toMatch(/^prep-[0-9a-f-]{36}$/);
    const attempt = await manager.evaluate(
      async ({ id, prepRoom }) => {
        const prep = await fetch(`/api/meetings/${id}/ticket?doc=prep`);
        const shared = (await (await fetch(`/api/meetings/${id}/ticket`)).json()) as { url: string; params: { ticket: string } };
        const socket = await new Promise<{ code: number; frames: number }>((resolve) => {
          const ws = new WebSocket(`${shared.url}/${prepRoom}?ticket=${encodeURIComponent(shared.params.ticket)}`);
          let frames = 0;
          ws.onmessage = () => frames++;
          ws.onclose = (e) => resolve({ code: e.code, frames });
        });
        return { prepStatus: prep.status, socket };
      },
      { id, prepRoom },
    );
    expect(attempt.prepStatus).toBe(403);
    expect(attempt.socket).toEqual({ code: 4403, frames: 0 });

    // Nothing of it anywhere in what the manager's browser received.
    const html = await manager.content();
    for (const p of [phrase, livePhrase, itemPhrase]) {
      expect(html).not.toContain(p);
      expect(contains(managerSaw, p), p).toEqual({ bodies: false, frames: false });
    }
    expect(managerSaw.requests.filter((u) => u.includes("doc=prep") && !u.includes("/ticket?doc=prep"))).toEqual([]);
    expect(managerSaw.sockets.filter((u) => u.includes("/prep-"))).toHaveLength(1); // only the refused attempt above
    expect(managerSaw.bodies.length).toBeGreaterThan(3);
    expect(managerSaw.frames.length).toBeGreaterThan(0);

    // The same recorder on the caseworker's browser does find it: the test can see a leak.
    expect(contains(caseworkerSaw, livePhrase).frames).toBe(true);
    expect(contains(caseworkerSaw, phrase).frames).toBe(true);

    // The employee's page HTML holds the typed text only in the live field, never server-rendered.
    const reloaded = await employee.context().newPage();
    const res = await reloaded.goto((await ownDemo()).meetingUrl);
    expect(await res!.text()).not.toContain(phrase);

    for (const p of [employee, manager, caseworker, reloaded])
      await p
        .context()
        .close()
        .catch(() => {});
  });

  test("the union representative and the observer get no panel, no ticket and no socket either", async ({ browser }) => {
    const links = (await ownDemo()).links as Record<string, string | undefined>;
    expect(links.observer, "the demo seeds an observer link").toBeTruthy();
    for (const role of ["union_rep", "observer"]) {
      const page = await joinAs(browser, links[role]!);
      await expect(page.getByTestId("prep-slot")).toHaveCount(0);
      await expect(page.getByTestId("access-log-link")).toHaveCount(0);
      const res = await page.request.get(`/api/meetings/${await meetingId()}/ticket?doc=prep`);
      expect(res.status(), role).toBe(403);
      expect(res.headers()["cache-control"]).toContain("no-store");
      await page.context().close();
    }
  });

  test("the ticket endpoint answers 401 without a session and 400 for an unknown document", async ({ request, browser }) => {
    expect((await request.get(`/api/meetings/${await meetingId()}/ticket?doc=prep`)).status()).toBe(401);
    const employee = await joinAs(browser, (await ownDemo()).links.employee);
    expect((await employee.request.get(`/api/meetings/${await meetingId()}/ticket?doc=secret`)).status()).toBe(400);
    const ok = await employee.request.get(`/api/meetings/${await meetingId()}/ticket?doc=prep`);
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toEqual({
      url: expect.stringMatching(/^ws:\/\/.+\/collab$/),
      room: expect.stringMatching(/^prep-/),
      params: { ticket: expect.any(String) },
      readOnly: false,
      meetingCompleted: false,
      closedReason: null,
    });
    await employee.context().close();
  });
});

test.describe("who has seen my data", () => {
  test("the employee sees the manager's visit; the manager may not look", async ({ browser }) => {
    const { links } = await ownDemo();
    const manager = await joinAs(browser, links.manager);
    const employee = await joinAs(browser, links.employee, { locale: "en-GB" });
    await employee.getByTestId("access-log-link").click();
    await expect(employee).toHaveURL(/\/access-log$/);
    await expect(employee.getByRole("heading", { level: 1 })).toHaveText("Who has seen your data");
    const managerRow = employee.locator('[data-testid="access-log-row"][data-role="manager"][data-what="meeting_room"]');
    await expect(managerRow.first()).toBeVisible();
    await expect(managerRow.first()).toContainText("Lars");
    // Own visits only on request.
    await expect(employee.locator('[data-testid="access-log-row"][data-role="employee"]')).toHaveCount(0);
    await employee.getByTestId("access-log-toggle-mine").click();
    await expect(employee.locator('[data-testid="access-log-row"][data-role="employee"]').first()).toBeVisible();
    await expectAxeClean(employee);

    const api = await manager.request.get(`/api/meetings/${await meetingId()}/access-log`);
    expect(api.status()).toBe(403);
    await manager.goto(`/meetings/${await meetingId()}/access-log`);
    await expect(manager.getByTestId("access-log-forbidden")).toBeVisible();
    await expect(manager.getByTestId("access-log-row")).toHaveCount(0);
    const ok = await employee.request.get(`/api/meetings/${await meetingId()}/access-log`);
    expect(ok.status()).toBe(200);
    expect(ok.headers()["cache-control"]).toContain("no-store");
    await manager.context().close();
    await employee.context().close();
  });
});

test.describe("signing out", () => {
  test("ends the session, clears site data and leaves nothing of the documents in browser storage", async ({ browser }) => {
    const employee = await joinAs(browser, (await ownDemo()).links.employee);
    await openPrep(employee);
    const signOut = employee.waitForResponse((r) => r.url().endsWith("/api/session/sign-out"));
    await employee.getByTestId("sign-out").click();
    const res = await signOut;
    expect(res.status()).toBe(303);
    expect((await res.allHeaders())["clear-site-data"]).toBe('"cache", "storage"');
    await expect(employee).toHaveURL(/\/signed-out$/);
    await expect(employee.getByTestId("signed-out")).toBeVisible();
    await expectAxeClean(employee);
    const storage = await employee.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
    }));
    expect(storage).toEqual({ local: 0, session: 0, idb: 0 });
    expect((await employee.request.get(`/api/meetings/${await meetingId()}/ticket?doc=prep`)).status()).toBe(401);
    await employee.goto((await ownDemo()).meetingUrl);
    await expect(employee.getByTestId("room-signed-out")).toBeVisible();
    await employee.context().close();
  });
});
