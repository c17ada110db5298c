import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ownDemo } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";

/**
 * The shared screen, opened by the manager, never receives a byte of the employee's private
 * preparation: not in its HTML, its scripts, any response, or any WebSocket frame — while the same
 * recorder does see the shared document's live edits (so it would see a leak). Its QR code holds
 * the meeting's address only, and a phone without a session is told to open its personal link.
 */
type Recorder = { bodies: Buffer[]; frames: Buffer[]; sockets: string[] };

function record(page: Page): Recorder {
  const r: Recorder = { bodies: [], frames: [], sockets: [] };
  page.on("response", async (res) => {
    try {
      r.bodies.push(await res.body());
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  page.on("websocket", (ws) => {
    r.sockets.push(ws.url());
    ws.on("framereceived", (f) => r.frames.push(Buffer.from(f.payload)));
  });
  return r;
}

const has = (chunks: Buffer[], phrase: string) => chunks.some((b) => b.includes(Buffer.from(phrase, "utf8")));

test.describe("the shared screen", () => {
  test("opened by the manager, it shows the meeting live and nothing of the private preparation", async ({ browser }) => {
    const { links, meetingUrl } = await ownDemo();
    const before = `PRESENTPREP${randomBytes(5).toString("hex")}`;
    const during = `PRESENTLIVE${randomBytes(5).toString("hex")}`;
    const shared = `SHAREDMARK${randomBytes(5).toString("hex")}`;

    const employee = await joinAs(browser, links.employee);
    const openPrep = async () => {
      await employee.getByTestId("prep-toggle").click();
      await expect(employee.locator('[data-testid="prep-status"][data-status="saved"]')).toBeVisible();
    };
    const typePrep = async (text: string) => {
      const field = employee.getByTestId("prep-note-health");
      await field.fill(`${await field.inputValue()} ${text}`);
      await expect(employee.locator('[data-testid="prep-status"][data-status="saved"]')).toBeVisible();
    };
    await openPrep();
    await typePrep(before);

    const context = await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 800 } });
    const screen = await context.newPage();
    await screen.goto(links.manager);
    await waitSaved(screen);
    const saw = record(screen);
    await screen.goto(`${meetingUrl}/present`);
    await expect(screen.getByTestId("present-view")).toBeVisible();
    await waitSaved(screen);
    await expect(screen.getByTestId("present-now")).toBeVisible();
    await expect(screen.getByTestId("present-plan")).toBeVisible();

    // Typed into the preparation while the screen is connected; then a shared edit the screen must show.
    await typePrep(during);
    const summary = employee.getByTestId("flow-summary");
    await summary.fill(`${await summary.inputValue()} ${shared}`);
    await expect(screen.getByTestId("present-summary-text")).toContainText(shared);

    const html = await screen.content();
    for (const phrase of [before, during]) {
      expect(html).not.toContain(phrase);
      expect(has(saw.bodies, phrase), `${phrase} in a response`).toBe(false);
      expect(has(saw.frames, phrase), `${phrase} in a frame`).toBe(false);
    }
    expect(saw.sockets.filter((u) => u.includes("/prep-"))).toEqual([]);
    // The recorder is not blind: the shared edit did arrive over the socket.
    expect(has(saw.frames, shared)).toBe(true);
    expect(saw.bodies.length).toBeGreaterThan(3);

    // The QR code is the meeting's address, nothing more.
    await expect(screen.getByTestId("present-qr-url")).toHaveText(meetingUrl);
    await expect(screen.getByTestId("present-qr-code").locator("svg")).toHaveCount(1);
    expect(html).not.toContain("/join/");

    // The employer's business case, opened on the shared screen: the guide's table, computed live.
    await screen.getByTestId("business-case-toggle").click();
    const bc = screen.getByTestId("business-case");
    const cell = (id: string) => bc.getByTestId(id);
    await expect(cell("business-partial-netPay")).toHaveText("63.000 kr.");
    await expect(cell("business-dismiss-extraCosts")).toHaveText("126.000 kr.");
    await expect(cell("business-fullTime-employerTotal")).toHaveText("127.500 kr.");
    for (const [s, kr] of [
      ["working", "0"],
      ["partial", "18.000"],
      ["fullTime", "37.500"],
      ["dismiss", "73.500"],
    ] as const) {
      await expect(cell(`business-${s}-extra`)).toHaveText(`${kr} kr.`);
    }
    await cell("business-partial-tempCover").fill("30.000");
    await expect(cell("business-partial-extra")).toHaveText("3.000 kr.");
    await cell("business-dismiss-recruitment").fill("abc");
    await expect(cell("business-dismiss-recruitment")).toHaveAttribute("aria-invalid", "true");
    await expect(cell("business-dismiss-extra")).toHaveText("73.500 kr.");
    await bc.getByTestId("business-case-reset").click();
    await expect(cell("business-partial-extra")).toHaveText("18.000 kr.");

    // A phone that scans it without a session is asked to open its personal link.
    const phone = await browser.newContext({ locale: "da-DK", viewport: { width: 390, height: 844 } });
    const scanned = await phone.newPage();
    await scanned.goto(meetingUrl);
    await expect(scanned.getByTestId("room-signed-out")).toBeVisible();
    await expect(scanned.getByTestId("room-signed-out-qr")).toContainText("personlige link");
    await scanned.goto(`${meetingUrl}/present`);
    await expect(scanned.getByTestId("join-help")).toBeVisible();

    // Clean up what this test wrote into the shared demo document.
    await summary.fill((await summary.inputValue()).replace(` ${shared}`, ""));
    for (const p of [employee, screen, scanned]) await p.context().close();
  });
});
