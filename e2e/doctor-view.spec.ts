import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ownDemo } from "./demo-links";
import { joinAs } from "./room-helpers";
import { caseworkerPage, invite } from "./staff-helpers";

/**
 * The treating doctor (docs/permissions.md, "The treating doctor"): invited from the case page,
 * their link opens a page with the meeting's time and place, the agenda and the plan's part about
 * work capacity — no live room, no socket, nothing of the employee's preparation — and they
 * confirm reading the agreed plan, which the caseworker then sees.
 */
test("the treating doctor sees the agenda and work capacity, never the preparation, and confirms reading", async ({ browser }) => {
  const demo = await ownDemo();
  const phrase = `DOCTORPREP${randomBytes(6).toString("hex")}`;

  // The employee writes in their private preparation first.
  const employee = await joinAs(browser, demo.links.employee);
  await employee.getByTestId("prep-toggle").click();
  await expect(employee.locator('[data-testid="prep-status"][data-status="saved"]')).toBeVisible();
  const note = employee.getByTestId("prep-note-health");
  await note.fill(`${await note.inputValue()} ${phrase}`);
  await expect(employee.locator('[data-testid="prep-status"][data-status="saved"]')).toBeVisible();

  const caseworker = await caseworkerPage(browser, demo.caseworkerEmail);
  await caseworker.goto(demo.caseUrl);
  const link = await invite(caseworker, "doctor", "Eva Lund");

  // The doctor's browser, recording every response body and every socket.
  const context = await browser.newContext({ locale: "da-DK" });
  const doctor = await context.newPage();
  const bodies: Buffer[] = [];
  const sockets: string[] = [];
  doctor.on("response", async (res) => {
    try {
      bodies.push(await res.body());
    } catch {
      // Redirects have no body.
    }
  });
  doctor.on("websocket", (ws) => sockets.push(ws.url()));
  await doctor.goto(link);
  await expect(doctor).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);

  const view = doctor.getByTestId("doctor-view");
  await expect(view).toBeVisible();
  await expect(view).toContainText("behandlende læge");
  await expect(doctor.getByTestId("doctor-agenda-item").first()).toBeVisible();
  await expect(doctor.getByTestId("doctor-binding")).toContainText("Tilbage i eget job");
  await expect(doctor.getByTestId("doctor-binding")).toContainText("Virksomhedspraktik som truckfører");
  // No room, no preparation, no chair controls.
  await expect(doctor.getByTestId("prep-slot")).toHaveCount(0);
  await expect(doctor.getByTestId("connection-status")).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page: doctor }).include('[data-testid="doctor-view"]').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  await doctor.getByTestId("confirm-read").click();
  await expect(doctor.getByTestId("my-receipt")).toBeVisible();

  // Nothing of the preparation reached the doctor's browser, and it opened no socket.
  expect(await doctor.content()).not.toContain(phrase);
  expect(bodies.some((b) => b.includes(Buffer.from(phrase)))).toBe(false);
  expect(bodies.length).toBeGreaterThan(2);
  expect(sockets).toEqual([]);
  const ticket = await doctor.request.get(`/api/meetings/${new URL(doctor.url()).pathname.split("/").pop()}/ticket?doc=prep`);
  expect(ticket.status()).toBe(403);

  // The caseworker sees the doctor's receipt with the others'.
  await caseworker.reload();
  await expect(caseworker.getByTestId("receipt").filter({ hasText: "Eva Lund" })).toHaveAttribute("data-read", "yes");

  for (const p of [employee, caseworker, doctor]) await p.context().close();
});
