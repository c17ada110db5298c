import AxeBuilder from "@axe-core/playwright";
import ICAL from "ical.js";
import { expect, test, type Page } from "@playwright/test";
import { demoLinks, ownDemo } from "./demo-links";
import { joinAs, waitSaved } from "./room-helpers";
import { caseworkerPage } from "./staff-helpers";
import { dayFromToday } from "./dates";

const PHONE = { width: 390, height: 844 };

/** Kurt's case page, in this spec's own copy of the demo. */
async function caseUrl(): Promise<string> {
  const url = (await ownDemo()).caseUrl;
  expect(url, "the demo copy has caseUrl").toMatch(/^http:\/\/.+\/cases\/[0-9a-f-]{36}$/);
  return url;
}

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A day as YYYY-MM-DD, `days` from today (far enough from midnight on these test runs). */
test.describe("following up Kurt's agreement", () => {
  test("the employee records progress from a phone, and the caseworker sees it in the next meeting's review", async ({ browser }) => {
    // Kurt, on his phone: from his link to his case page.
    const kurt = await joinAs(browser, (await ownDemo()).links.employee, { viewport: PHONE });
    await kurt.goto(await caseUrl());
    await expect(kurt.getByTestId("participant-case-page")).toBeVisible();
    // What is due from him is the first thing on his page: progress asked for, his diary action.
    const kurtDue = kurt.getByTestId("due-from-me");
    await expect(kurtDue.locator('[data-testid="due-item"][data-kind="action"]')).toContainText("smertedagbog");
    await expect(kurtDue.getByTestId("due-case-link")).toHaveCount(0);
    expect(await kurt.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // No staff controls for him.
    await expect(kurt.getByTestId("invite-submit")).toHaveCount(0);
    await expect(kurt.getByTestId("schedule-form")).toHaveCount(0);
    await axeClean(kurt);

    const pain = kurt.getByTestId("measure").first();
    const subGoalId = await pain.getAttribute("data-sub-goal");
    expect(subGoalId).toBeTruthy();
    const form = pain.getByTestId(`progress-form-${subGoalId}`);

    // A slip of the thumb ("60" on a 1–10 scale) is refused with the range, and nothing typed is lost.
    await form.getByTestId("progress-value").fill("60");
    await form.getByTestId("progress-note").fill("Målt i e2e efter gåturen");
    await form.getByTestId("progress-submit").click();
    await expect(form.getByTestId("progress-value-error")).toHaveText("Skriv et tal fra 1 til 10.");
    await expect(form.getByTestId("progress-value")).toHaveValue("60");
    await expect(form.getByTestId("progress-note")).toHaveValue("Målt i e2e efter gåturen");
    // A day in the future is refused too.
    await form.getByTestId("progress-date").fill(dayFromToday(2));
    await form.getByTestId("progress-value").fill("4");
    await form.getByTestId("progress-submit").click();
    await expect(form.getByTestId("progress-date-error")).toHaveText("Datoen kan ikke ligge i fremtiden.");
    // Today, 4: saved, and the table and the status show it.
    await form.getByTestId("progress-date").fill(dayFromToday(0));
    await form.getByTestId("progress-submit").click();
    await expect(form.getByTestId("progress-saved")).toBeVisible();
    await expect(pain.getByTestId("measure-row-value").first()).toHaveText("4 point");
    await expect(pain.getByTestId("measure-summary")).toContainText("Senest: 4 point");
    // On his phone the chart gives way to its table (issue 18: chart text never below 12 px).
    await expect(pain.getByTestId("chart-narrow")).toBeVisible();
    await expect(pain.getByTestId("measure-chart")).toBeHidden();

    // Mette creates the next meeting from her case page: it starts from the binding agreement.
    const mette = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    await mette.goto(await caseUrl());
    await expect(mette.getByTestId("standing-section")).toBeVisible();
    // Someone opening the case for the first time reads, top down: where he stands, what was
    // agreed last time, what is due and how it is going, how he got here — and only then the
    // running of the case (meetings, people and their links).
    const top = async (testId: string) => (await mette.getByTestId(testId).boundingBox())!.y;
    const order = [
      "standing-section",
      "agreed-section",
      "followup-actions",
      "progress-section",
      "timeline",
      "mixer-history",
      "meetings-section",
      "people-section",
    ];
    const ys = await Promise.all(order.map(top));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const agreed = mette.getByTestId("agreed-section");
    await expect(agreed.getByTestId("agreed-subgoal")).toHaveCount(await mette.getByTestId("measure").count());
    await expect(agreed.getByTestId("agreed-activity").first()).toBeVisible();
    await expect(agreed.getByTestId("agreed-follow-up")).not.toContainText("ikke aftalt");
    // Her own overdue action is at the top of the page.
    await expect(mette.getByTestId("due-from-me").locator('[data-testid="due-item"][data-kind="action"]')).toContainText("praktikaftalen");
    const before = await mette.getByTestId("meeting").count();
    await mette.getByTestId("schedule-toggle").click();
    await mette.getByTestId("meeting-title").fill("Opfølgningsmøde (e2e)");
    await mette.getByTestId("meeting-date").fill(dayFromToday(14));
    await mette.getByTestId("meeting-time").fill("10:00");
    await mette.getByTestId("meeting-location").fill("Nordlager A/S, mødelokale 2");
    await mette.getByTestId("meeting-submit").click();
    await expect(mette.getByTestId("meeting")).toHaveCount(before + 1);
    const next = mette.getByTestId("meeting").filter({ hasText: "Opfølgningsmøde (e2e)" });
    await next.getByTestId("open-room").click();
    await expect(mette).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
    await waitSaved(mette);

    // The room: a review item per agreed action and sub-goal, and the progress Kurt just recorded.
    const panel = mette.getByTestId("review-panel");
    await expect(panel).toBeVisible();
    const items = mette.getByTestId("review-item");
    const actions = await mette.locator('[data-testid="review-item"][data-kind="action"]').count();
    const subGoals = await mette.locator('[data-testid="review-item"][data-kind="subGoal"]').count();
    expect(actions).toBeGreaterThan(0);
    expect(subGoals).toBeGreaterThan(0);
    await expect(items).toHaveCount(actions + subGoals);
    await expect(panel.getByTestId("review-actions-count")).toContainText(`Handlinger (${actions})`);
    const review = mette.locator(`[data-testid="review-item"][data-ref="${subGoalId}"]`);
    await expect(review.getByTestId("review-entry").first()).toContainText("4 point");
    await expect(review.getByTestId("review-entry").first()).toContainText("Målt i e2e efter gåturen");

    // The meeting judges it; everyone in the room sees it, and it stays after a reload.
    await review.getByTestId("review-outcome-on_track").check();
    await review.getByTestId("review-comment").fill("Gåturene virker");
    await expect(panel.getByTestId("review-subgoals-count")).toContainText("1 på rette vej");
    await waitSaved(mette);
    await mette.reload();
    await waitSaved(mette);
    await expect(
      mette.locator(`[data-testid="review-item"][data-ref="${subGoalId}"] [data-testid="review-outcome-on_track"]`),
    ).toBeChecked();
    await expect(mette.locator(`[data-testid="review-item"][data-ref="${subGoalId}"] [data-testid="review-comment"]`)).toHaveValue(
      "Gåturene virker",
    );
    // What has changed since the agreement, in plain words: the step, once the meeting moves it.
    const step = (await mette.getByTestId("step-radio-4").isChecked()) ? 2 : 4;
    await mette.getByTestId(`step-radio-${step}`).check();
    await expect(panel.getByTestId("review-changes")).toContainText(new RegExp(`Trin \\d → ${step}`));
    await axeClean(mette);

    // Kurt answers the invitation to the new meeting from his phone; Mette sees the answer.
    await kurt.reload();
    const invitation = kurt.getByTestId("invitation").filter({ hasText: "Opfølgningsmøde (e2e)" });
    await invitation.getByTestId("answer-another_time").check();
    await invitation.getByTestId("answer-submit").click();
    await expect(invitation.getByText("Skriv, hvornår det passer dig.")).toBeVisible();
    await invitation.getByTestId("answer-suggestion").fill("Gerne om eftermiddagen");
    await invitation.getByTestId("answer-submit").click();
    await expect(kurt.getByTestId("invitation").filter({ hasText: "Opfølgningsmøde (e2e)" }).getByTestId("my-answer")).toHaveAttribute(
      "data-answer",
      "another_time",
    );
    await mette.goto(await caseUrl());
    const row = mette
      .getByTestId("invitation")
      .filter({ hasText: "Opfølgningsmøde (e2e)" })
      .getByTestId("answer-row")
      .filter({ hasText: "Kurt Hansen" });
    await expect(row).toHaveAttribute("data-answer", "another_time");
    await expect(row).toContainText("Gerne om eftermiddagen");

    await kurt.context().close();
    await mette.context().close();
  });

  test("each role sees what it may: the manager records hours, pain stays with Kurt until he shares it, the union rep and the observer only follow", async ({
    browser,
  }) => {
    const { links } = await ownDemo();
    const lars = await joinAs(browser, links.manager);
    await lars.goto(await caseUrl());
    const larsPain = lars.getByTestId("measure").first();
    const larsHours = lars.getByTestId("measure").nth(1);
    await expect(lars.getByTestId("progress-form-" + (await larsHours.getAttribute("data-sub-goal")))).toBeVisible();
    // Pain is about Kurt's health: Lars sees that it exists, not one of its values.
    await expect(larsPain).toHaveAttribute("data-private", "true");
    await expect(larsPain.getByTestId("measure-hidden")).toContainText("Kurt");
    for (const testId of ["measure-row-value", "measure-chart", "measure-status", "measure-summary"])
      await expect(larsPain.getByTestId(testId)).toHaveCount(0);
    await expect(lars.locator('[data-testid^="progress-form-"]')).toHaveCount(1);
    await expect(lars.getByTestId("answers-table")).toHaveCount(0);
    await expect(lars.getByTestId("people-section")).toHaveCount(0);

    // Kurt shares his pain values; Lars sees them on his next look. Kurt stops sharing: gone again.
    const kurt = await joinAs(browser, links.employee);
    await kurt.goto(await caseUrl());
    const kurtPain = kurt.getByTestId("measure").first();
    const choice = kurtPain.locator('form[data-testid^="measure-privacy-"]');
    await expect(kurtPain.getByTestId("measure-health-badge")).toHaveAttribute("data-shared", "false");
    await choice.getByTestId("measure-shared").check();
    await choice.getByTestId("measure-privacy-save").click();
    await expect(kurtPain.getByTestId("measure-health-badge")).toHaveAttribute("data-shared", "true");
    await lars.reload();
    await expect(larsPain).not.toHaveAttribute("data-private", "true");
    await expect(larsPain.getByTestId("measure-row-value").first()).toBeVisible();
    await expect(lars.locator('[data-testid^="progress-form-"]')).toHaveCount(1);
    await choice.getByTestId("measure-shared").uncheck();
    await choice.getByTestId("measure-privacy-save").click();
    await expect(kurtPain.getByTestId("measure-health-badge")).toHaveAttribute("data-shared", "false");
    await lars.reload();
    await expect(larsPain).toHaveAttribute("data-private", "true");
    await expect(larsPain.getByTestId("measure-row-value")).toHaveCount(0);
    await kurt.context().close();

    const susanne = await joinAs(browser, links.union_rep);
    await susanne.goto(await caseUrl());
    await expect(susanne.getByTestId("measure").first()).toBeVisible();
    await expect(susanne.locator('[data-testid^="progress-form-"]')).toHaveCount(0);
    await expect(susanne.getByTestId("receipts")).toHaveCount(0);
    // She signed the binding agreement (as supporter): that says she read it, so nobody asks her to
    // confirm it again — not on the front page, not on the case page (issue 13).
    await susanne.goto("/");
    await expect(susanne.getByTestId("due-from-me").locator('[data-testid="due-item"][data-kind="read"]')).toHaveCount(0);
    await susanne.goto(`${await caseUrl()}#read`);
    await expect(susanne.getByTestId("my-receipt")).toBeVisible();
    await expect(susanne.getByTestId("confirm-read")).toHaveCount(0);

    const observer = await joinAs(browser, links.observer);
    await observer.goto(await caseUrl());
    await expect(observer.getByTestId("standing-section")).toBeVisible();
    await expect(observer.locator('[data-testid^="progress-form-"]')).toHaveCount(0);
    await expect(observer.locator('[data-testid^="answer-form-"]')).toHaveCount(0);
    await expect(observer.getByTestId("confirm-read")).toHaveCount(0);
    await axeClean(observer);

    // The caseworker sees who has read it, and when.
    const mette = await caseworkerPage(browser, demoLinks().caseworkerEmail);
    await mette.goto(await caseUrl());
    await expect(mette.getByTestId("receipts").getByTestId("receipt").filter({ hasText: "Susanne Berg" })).toHaveAttribute(
      "data-read",
      "yes",
    );
    for (const p of [lars, susanne, observer, mette]) await p.context().close();
  });

  test("the calendar: the next meeting as .ics with no plan text, and a subscription link that stops once revoked", async ({
    browser,
    request,
  }) => {
    const kurt = await joinAs(browser, (await ownDemo()).links.employee);
    await kurt.goto(await caseUrl());
    const href = await kurt.getByTestId("download-ics").first().getAttribute("href");
    expect(href).toMatch(/^\/api\/meetings\/[0-9a-f-]{36}\/calendar\.ics$/);
    const ics = await kurt.request.get(href!);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = (await ics.text()).replace(/\r\n[ \t]/g, "");
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("Møde");
    for (const planText of ["Smerte", "truck", "Kurt", "smertedagbog", "Tilbage i eget job"]) expect(text).not.toContain(planText);
    // Without a session: 401.
    expect((await request.get(href!)).status()).toBe(401);

    const panel = kurt.getByTestId("subscription-panel");
    await panel.getByTestId("subscription-make").click();
    const url = await panel.getByTestId("subscription-url").inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\?lang=da$/);
    // A calendar app has no session: the link alone works …
    const feed = await request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    // … until it is stopped.
    await panel.getByTestId("subscription-stop").click();
    await expect(kurt.getByTestId("subscription-stopped")).toBeVisible();
    expect((await request.get(url)).status()).toBe(404);
    await kurt.context().close();
  });
});
