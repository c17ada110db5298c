import { expect, test } from "@playwright/test";
import { ownDemo } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";
import { dropNetwork, recordSockets } from "./network-helpers";

/**
 * Losing the connection and getting it back: the room keeps what the person types while the
 * network is gone, says so calmly, and sends it when the network returns, through our own
 * reconnect loop (a fresh ticket, then the socket).
 *
 * Open sockets are cut by the test itself (see network-helpers.ts).
 */
test("edits made while the network is gone arrive after it returns, and the status goes back to saved", async ({ browser }) => {
  const { links } = await ownDemo();
  const manager = await joinAs(browser, links.manager);
  const employee = await joinAs(browser, links.employee);
  await recordSockets(employee.context());
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
