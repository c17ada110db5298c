import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";
import { caseworkerPage, invite, openCaseWithMeeting, setUpInvitedCase } from "./staff-helpers";

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("the caseworker sets up a case and invites people", () => {
  test("signs in from the outbox, opens a case, invites three people, and each joins from their own link", async ({ browser }) => {
    const { caseworker, employee, manager, unionRep, meetingUrl, caseUrl } = await setUpInvitedCase(browser, demoLinks().caseworkerEmail);

    // Each landed in the room as themselves.
    await expect(employee.locator("main")).toContainText("Bodil Jensen");
    await expect(manager.locator("main")).toContainText("Lars Leder");
    await expect(unionRep.locator("main")).toContainText("Tina Tillid");

    // The caseworker sees the links used, and enters the same room with the staff session.
    await caseworker.reload();
    await expect(caseworker.locator('[data-testid="person"][data-state="used"]')).toHaveCount(3);
    await caseworker.getByTestId("open-room").click();
    await expect(caseworker).toHaveURL(meetingUrl);
    await waitSaved(caseworker);

    // What one person types reaches the others.
    await manager.getByTestId("followup-job-centre").fill("Jobcentret ringer efter to uger.");
    for (const p of [employee, unionRep, caseworker])
      await expect(p.getByTestId("followup-job-centre")).toHaveValue("Jobcentret ringer efter to uger.");

    await caseworker.goto(caseUrl);
    for (const p of [caseworker, employee, manager, unionRep]) await p.context().close();
  });

  test("the QR code carries the link, and no address the browser visits ever holds the token", async ({ browser }) => {
    const caseworker = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    const visited: string[] = [];
    caseworker.on("request", (r) => visited.push(r.url()));
    await openCaseWithMeeting(caseworker, "Case for the QR code");
    const link = await invite(caseworker, "observer", "Praktikant i jobcentret");
    const token = link.split("/join/")[1]!;
    await caseworker.getByTestId("issued-show-qr").click();
    const dialog = caseworker.getByTestId("qr-dialog");
    await expect(dialog).toBeVisible();
    const box = await dialog.getByTestId("qr-code").boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await expect(dialog.locator("svg path")).toHaveCount(2);
    await axeClean(caseworker);
    await dialog.getByTestId("qr-close").click();
    await expect(dialog).toBeHidden();
    expect(visited.filter((u) => u.includes(token))).toEqual([]);
    expect(caseworker.url()).not.toContain(token);
    await caseworker.context().close();
  });

  test("withdrawing a link refuses it from then on and ends the session opened with it", async ({ browser }) => {
    const caseworker = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    await openCaseWithMeeting(caseworker, "Case for withdrawing a link");
    const link = await invite(caseworker, "observer", "Ole Observatør");
    const observer = await joinAs(browser, link);
    await expect(observer.getByTestId("connection-status")).toHaveAttribute("data-status", "following");

    const person = caseworker.locator('[data-testid="person"]', { hasText: "Ole Observatør" });
    await person.getByTestId("person-revoke").click();
    await person.getByTestId("person-revoke-confirm").click();
    await expect(person).toHaveAttribute("data-state", "revoked");
    // The observer's open room is cut off at once (the socket is closed with 4403), not at the next reload.
    await expect(observer.getByTestId("connection-status")).toHaveAttribute("data-status", "accessLost", { timeout: 5_000 });

    await observer.reload();
    await expect(observer.getByTestId("room-signed-out")).toBeVisible();
    const again = await observer.context().newPage();
    await again.goto(link);
    await expect(again).toHaveURL(/\/join\/invalid\?reason=gone$/);

    // A new link for the same person works again.
    await person.getByTestId("person-reissue").click();
    await expect(caseworker.getByTestId("issued-link")).not.toHaveValue(link);
    const fresh = await caseworker.getByTestId("issued-link").inputValue();
    await again.goto(fresh);
    await expect(again).toHaveURL(/\/meetings\//);
    await caseworker.context().close();
    await observer.context().close();
  });

  test("the new-case form keeps what was typed and says what is missing", async ({ browser }) => {
    const page = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    await page.goto("/cases/new");
    await page.getByTestId("case-employee-name").fill("Kurt Andersen");
    await page.getByTestId("case-track-employed").check();
    await page.getByTestId("case-submit").click();
    await expect(page.locator("#employer-error")).not.toBeEmpty();
    await expect(page.getByTestId("case-employee-name")).toHaveValue("Kurt Andersen");
    await expect(page.getByTestId("case-track-employed")).toBeChecked();
    await expect(page.getByTestId("case-employer")).toHaveAttribute("aria-invalid", "true");
    await axeClean(page);
    await page.getByTestId("case-employer").fill("Nordlager A/S");
    await page.getByTestId("case-submit").click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    await axeClean(page);
    await page.goto("/cases");
    await axeClean(page);
    await page.context().close();
  });

  test("a case the caseworker is not on looks like no case at all (404)", async ({ browser }) => {
    const page = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    const res = await page.goto("/cases/00000000-0000-4000-8000-000000000000");
    expect(res!.status()).toBe(404);
    await page.context().close();
  });
});
