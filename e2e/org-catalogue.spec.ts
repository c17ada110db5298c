import { expect, test } from "@playwright/test";
import { caseworkerPage, newMessageFor, openCaseWithMeeting, outboxFor } from "./staff-helpers";
import { waitSaved } from "./room-helpers";
import { expectNoAxeFindings } from "./a11y-helpers";

/**
 * Issue 17: an organisation adds its own providers and activities on /admin, and the meeting
 * room's activity picker offers them beside the country's catalogue, the providers as
 * suggestions for the provider field (anything else may still be typed).
 */
const run = Date.now().toString(36);

test("an administrator adds a provider and an activity; the caseworker picks the activity in the room and is offered the provider", async ({
  browser,
}) => {
  const org = { name: `Jobcenter Vejle ${run}`, admin: `admin-${run}@vejle.example`, caseworker: `cw-${run}@vejle.example` };
  const setup = await browser.newContext();
  const res = await setup.request.post("/api/test-organisation", {
    data: { name: org.name, country: "DK", adminEmail: org.admin, adminName: "Ada Admin" },
  });
  expect(res.status()).toBe(201);
  await setup.close();

  const admin = await caseworkerPage(browser, org.admin);
  await admin.goto("/admin");
  const section = admin.getByTestId("own-catalogue");

  // A provider: refused without a name (the error on the field, the focus there), then added.
  await section.getByTestId("provider-new-submit").click();
  await expect(admin.locator("#provider-new-name")).toBeFocused();
  await expect(admin.locator("#provider-new-name")).toHaveAttribute("aria-invalid", "true");
  await expect(admin.locator("#provider-new-name-error")).not.toBeEmpty();
  await admin.locator("#provider-new-name").fill("Hartmanns");
  await admin.locator("#provider-new-note").fill("Tlf. 70 20 30 40");
  await section.getByTestId("provider-new-submit").click();
  await expect(admin.getByTestId("provider-new-done")).toBeFocused();
  await expect(section.getByTestId("provider-row")).toHaveCount(1);

  // An activity: hours that are not a number are named at the field; then added.
  await admin.locator("#activity-new-name").fill("Vejle Værkstedet");
  await admin.locator("#activity-new-kind").selectOption("internship");
  await admin.locator("#activity-new-hoursPerWeek").fill("mange");
  await section.getByTestId("activity-new-submit").click();
  await expect(admin.locator("#activity-new-hoursPerWeek")).toBeFocused();
  await expect(admin.locator("#activity-new-hoursPerWeek")).toHaveAttribute("aria-invalid", "true");
  await expect(admin.locator("#activity-new-name")).toHaveValue("Vejle Værkstedet");
  await admin.locator("#activity-new-hoursPerWeek").fill("12,5");
  await admin.locator("#activity-new-atWorkplace").check();
  await section.getByTestId("activity-new-submit").click();
  await expect(admin.getByTestId("activity-new-done")).toBeFocused();
  await expect(section.getByTestId("own-activity-row")).toHaveCount(1);

  // Remove asks first; Escape keeps it (and gives the focus back).
  const providerRow = section.getByTestId("provider-row");
  await providerRow.getByTestId("provider-row-remove").click();
  await expect(providerRow.getByTestId("provider-row-remove-confirm")).toBeFocused();
  await admin.keyboard.press("Escape");
  await expect(providerRow.getByTestId("provider-row-remove")).toBeFocused();
  await expect(section.getByTestId("provider-row")).toHaveCount(1);

  // Remove, confirmed: the list says so and has the focus.
  await admin.locator("#provider-new-name").fill("Midlertidig");
  await section.getByTestId("provider-new-submit").click();
  await expect(section.getByTestId("provider-row")).toHaveCount(2);
  const temporary = section.locator('[data-testid="provider-row"][data-name="Midlertidig"]');
  await temporary.getByTestId("provider-row-remove").click();
  await temporary.getByTestId("provider-row-remove-confirm").click();
  await expect(section.getByTestId("own-catalogue-status")).toBeFocused();
  await expect(section.getByTestId("own-catalogue-status")).toContainText("Midlertidig");
  await expect(section.getByTestId("provider-row")).toHaveCount(1);

  // Change: the form opens in place with the focus on its first field; saved, the row says so.
  const activityRow = section.getByTestId("own-activity-row");
  await activityRow.getByTestId("own-activity-row-change").click();
  const rename = activityRow.locator('input[name="name"]');
  await expect(rename).toBeFocused();
  await rename.fill("Værkstedet i Vejle");
  await activityRow.getByRole("button", { name: "Gem" }).click();
  await expect(activityRow.getByTestId("own-activity-row-status")).toBeFocused();
  await expect(activityRow).toHaveAttribute("data-name", "Værkstedet i Vejle");

  await expectNoAxeFindings(admin, "/admin with its own catalogue", "da");

  // A colleague who works cases.
  const seen = outboxFor(org.caseworker);
  await admin.getByTestId("invite-email").fill(org.caseworker);
  await admin.getByTestId("invite-name").fill("Bo Berg");
  await admin.getByTestId("invite-staff-submit").click();
  await expect(admin.getByTestId("invite-staff-done")).toBeFocused();
  await newMessageFor(org.caseworker, seen);

  const cw = await caseworkerPage(browser, org.caseworker);
  const { meetingUrl } = await openCaseWithMeeting(cw, "Karin Møller");
  await cw.goto(meetingUrl);
  await waitSaved(cw);
  await cw.getByTestId("subgoal-add").click();
  await expect(cw.getByTestId("subgoal-text").last()).toBeFocused();
  await cw.getByTestId("activity-add").click();
  const picker = cw.getByTestId("activity-catalogue-key");
  await expect(picker.locator("optgroup option")).toHaveText(["Værkstedet i Vejle"]);
  await picker.selectOption({ label: "Værkstedet i Vejle" });

  // The activity's defaults, and the organisation's provider offered for the provider field.
  await expect(cw.getByTestId("activity-catalogue-hours")).toHaveValue("12,5");
  await expect(cw.getByTestId("activity-catalogue-workplace")).toBeChecked();
  const provider = cw.getByTestId("activity-catalogue-provider");
  const listId = await provider.getAttribute("list");
  expect(listId).toBeTruthy();
  await expect(cw.locator(`datalist[id="${listId}"] option`)).toHaveAttribute("value", "Hartmanns");
  await provider.fill("Hartmanns");
  await provider.blur();
  await waitSaved(cw);

  // Reloaded, the plan holds the organisation's activity under its name, with the provider.
  await cw.reload();
  await waitSaved(cw);
  await expect(cw.getByTestId("activity-catalogue-key").locator("option:checked")).toHaveText("Værkstedet i Vejle");
  await expect(cw.getByTestId("activity-catalogue-provider")).toHaveValue("Hartmanns");
  // Not a diagnosis: no guard notice for a catalogue entry.
  await expect(cw.getByTestId("diagnosis-notice")).toHaveCount(0);
});
