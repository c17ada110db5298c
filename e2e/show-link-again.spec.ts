import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";

/**
 * Issue 13.1: the union representative (no e-mail) can always get back in — the caseworker shows
 * her link again as a QR code, and the link she has (and her open room) keep working unless the
 * caseworker chooses to replace or withdraw it.
 */
test("the caseworker shows a person's link again without withdrawing the one they have", async ({ browser }) => {
  const caseworker = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  const { meetingUrl } = await openCaseWithMeeting(caseworker, "Case for showing a link again");
  const first = await invite(caseworker, "union_rep", "Tina Tillid");
  await caseworker.getByTestId("issued-done").click();
  const unionRep = await joinAs(browser, first);

  const person = caseworker.locator('[data-testid="person"]', { hasText: "Tina Tillid" });
  await caseworker.reload();
  await expect(person).toHaveAttribute("data-state", "used");
  await person.getByTestId("person-show-again").click();
  const panel = caseworker.getByTestId("issued-link-panel");
  await expect(panel).toBeFocused();
  await expect(caseworker.getByTestId("issued-explain")).toContainText("Tina Tillid");
  const again = await caseworker.getByTestId("issued-link").inputValue();
  expect(again).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  expect(again).not.toBe(first);
  await caseworker.getByTestId("issued-show-qr").click();
  await expect(caseworker.getByTestId("qr-dialog").locator("svg path")).toHaveCount(2);
  const a11y = await new AxeBuilder({ page: caseworker }).analyze();
  expect(a11y.violations.map((v) => v.id)).toEqual([]);
  await caseworker.keyboard.press("Escape");

  // Nothing was withdrawn: her open room stays live, and both links let her in.
  await expect(person).toHaveAttribute("data-state", "used");
  await waitSaved(unionRep);
  await unionRep.reload();
  await waitSaved(unionRep);
  for (const link of [first, again]) {
    const phone = await joinAs(browser, link);
    expect(phone.url()).toBe(meetingUrl);
    await phone.context().close();
  }
  await unionRep.context().close();
  await caseworker.context().close();
});
