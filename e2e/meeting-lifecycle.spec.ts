import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { caseworkerPage, invite, newMessageFor, openCaseWithMeeting, OUTBOX, outboxFor } from "./staff-helpers";
import { dayFromToday } from "./dates";

/** The meeting's calendar file as the caseworker downloads it: its UID, SEQUENCE and STATUS. */
async function calendar(page: Page, meetingUrl: string) {
  const r = await page.request.get(`${new URL(meetingUrl).origin}/api/meetings/${meetingUrl.split("/").pop()}/calendar.ics`);
  expect(r.status()).toBe(200);
  const text = (await r.text()).replace(/\r\n /g, "");
  const get = (name: string) => new RegExp(`^${name}:(.*)$`, "m").exec(text)?.[1]?.trim();
  return { uid: get("UID"), sequence: get("SEQUENCE"), status: get("STATUS"), start: get("DTSTART") };
}

test("the caseworker moves a meeting and then cancels it: the invitee is told each time and the calendar follows", async ({ browser }) => {
  const caseworker = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  const { meetingUrl } = await openCaseWithMeeting(caseworker, "Case for moving a meeting");
  const managerEmail = `lifecycle.${Date.now()}@firma.example`;
  await invite(caseworker, "manager", "Lars Leder", managerEmail);
  const seen = [await newMessageFor(managerEmail, [])];
  const first = await calendar(caseworker, meetingUrl);
  expect(first).toMatchObject({ sequence: "0", status: "CONFIRMED" });

  // Move it: two days on, 14:30, another room.
  await caseworker.getByTestId("move-toggle").click();
  // On a phone a long place wraps in its field instead of being cut off (issue 18).
  await caseworker.setViewportSize({ width: 390, height: 844 });
  const longPlace = "Kontorhuset, Vestergade 12, 2. sal, mødelokale 3 ved siden af kantinen; spørg efter Mette i receptionen";
  await caseworker.getByTestId("move-location").fill(longPlace);
  const cutOff = await caseworker
    .getByTestId("move-location")
    .evaluate((el) => [el.scrollHeight - el.clientHeight, el.scrollWidth - el.clientWidth]);
  expect(cutOff).toEqual([0, 0]);
  await caseworker.setViewportSize({ width: 1280, height: 720 });
  await caseworker.getByTestId("move-date").fill(dayFromToday(2));
  await caseworker.getByTestId("move-time").fill("14:30");
  await caseworker.getByTestId("move-location").fill("Kontorhuset, mødelokale 3");
  const results = await new AxeBuilder({ page: caseworker }).include('[data-testid="meetings-section"]').analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await caseworker.getByTestId("move-submit").click();
  await expect(caseworker.getByTestId("meeting-moved")).toBeVisible();
  await expect(caseworker.getByTestId("meeting")).toContainText("mødelokale 3");
  const movedMail = await newMessageFor(managerEmail, seen);
  seen.push(movedMail);
  const moved = readFileSync(path.join(OUTBOX, movedMail), "utf8");
  expect(moved).toContain("Kontorhuset, mødelokale 3");
  expect(moved).not.toContain("Case for moving a meeting");
  expect(moved).not.toContain("/join/");
  const second = await calendar(caseworker, meetingUrl);
  expect(second).toMatchObject({ uid: first.uid, sequence: "1", status: "CONFIRMED" });
  expect(second.start).not.toBe(first.start);

  // Cancel it: a message that names a health matter is refused, tied to its field.
  await caseworker.getByTestId("cancel-toggle").click();
  const message = caseworker.getByTestId("cancel-message");
  await message.fill("Lars, mødet er aflyst fordi hun har en depression.");
  await caseworker.getByTestId("cancel-submit").click();
  await expect(message).toHaveAttribute("aria-invalid", "true");
  expect(outboxFor(managerEmail)).toHaveLength(seen.length);
  await message.fill("Vi finder et nyt tidspunkt.");
  await caseworker.getByTestId("cancel-submit").click();
  await expect(caseworker.getByTestId("meeting-status")).toBeVisible();
  await expect(caseworker.getByTestId("move-toggle")).toHaveCount(0);
  await expect(caseworker.getByTestId("open-room")).toHaveCount(0);
  const cancelledMail = readFileSync(path.join(OUTBOX, await newMessageFor(managerEmail, seen)), "utf8");
  expect(cancelledMail).toContain("Vi finder et nyt tidspunkt.");
  const third = await calendar(caseworker, meetingUrl);
  expect(third).toMatchObject({ uid: first.uid, sequence: "2", status: "CANCELLED" });
  await caseworker.context().close();
});
