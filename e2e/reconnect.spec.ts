import { expect, test, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";

/**
 * Losing the connection and getting it back: the room keeps what the person types while the
 * network is gone, says so calmly, and sends it when the network returns, through our own
 * reconnect loop (a fresh ticket, then the socket).
 *
 * The browser's offline emulation does not end sockets that are already open, so the test closes
 * them itself (as a dropped network eventually would), through a recorder installed before any
 * page script runs; then every new socket and ticket request fails until the network is back.
 */
type Recorded = { __e2eSockets?: WebSocket[] };

async function recordSockets(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const Native = window.WebSocket;
    const made: WebSocket[] = [];
    (window as unknown as Recorded).__e2eSockets = made;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        made.push(this);
      }
    };
  });
}

/** The network goes away: the browser knows (navigator.onLine), and open sockets are cut. */
async function dropNetwork(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await page.evaluate(() => {
    for (const ws of (window as unknown as Recorded).__e2eSockets ?? []) ws.close();
  });
}

test("edits made while the network is gone arrive after it returns, and the status goes back to saved", async ({ browser }) => {
  const { links } = demoLinks();
  const manager = await joinAs(browser, links.manager);
  const employee = await joinAs(browser, links.employee);
  await recordSockets(employee);
  // The recorder is in place from the next document on.
  await employee.reload();
  await waitSaved(employee);

  const phrase = ` – aftalt uden net ${Date.now()}`;
  await dropNetwork(employee);
  const status = employee.getByTestId("connection-status");
  await expect(status).toHaveAttribute("data-status", "offline");

  const goal = employee.getByTestId("plan-goal");
  await goal.click();
  await goal.press("ControlOrMeta+End");
  await goal.pressSequentially(phrase);
  // Kept in the browser, not yet sent: still offline, and the manager does not have it.
  await expect(status).toHaveAttribute("data-status", "offline");
  await expect(goal).toHaveValue(new RegExp(`${phrase}$`));
  await expect(manager.getByTestId("plan-goal")).not.toHaveValue(new RegExp(phrase));

  // Back through our loop: the `online` event starts an attempt at once, with a fresh ticket.
  const freshTicket = employee.waitForResponse((res) => /\/api\/meetings\/[^/]+\/ticket$/.test(new URL(res.url()).pathname) && res.ok(), {
    timeout: 15_000,
  });
  await employee.context().setOffline(false);
  await freshTicket;
  await expect(manager.getByTestId("plan-goal")).toHaveValue(new RegExp(`${phrase}$`));
  await expect(status).toHaveAttribute("data-status", "saved");

  // And it is stored: a reload of the manager's room still shows it.
  await manager.reload();
  await waitSaved(manager);
  await expect(manager.getByTestId("plan-goal")).toHaveValue(new RegExp(`${phrase}$`));

  await manager.context().close();
  await employee.context().close();
});
