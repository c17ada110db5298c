import { expect, test } from "@playwright/test";
import { demoLinks } from "./demo-links";
import { waitSaved } from "./room-helpers";
import { caseworkerPage, invite, openCaseWithMeeting } from "./staff-helpers";

/** The header that moves the server's clock for one request (lib/time/server-clock.ts). */
const TEST_CLOCK_HEADER = "x-stepwise-test-clock-minutes";

/**
 * Issue 13.1: a sign-in older than 15 minutes that was never in the meeting's room is asked to
 * show it is here — on the signing page itself, never by signing out (which would also end the
 * shared screen that runs on the caseworker's session). She opens the room from there, comes
 * back, and signs with the same sign-in.
 */
test("issue 13.1: a stale sign-in steps up on the signing page, without signing out, and then signs", async ({ browser, baseURL }) => {
  const cw = await caseworkerPage(browser, demoLinks().caseworkerEmail);
  const { meetingUrl } = await openCaseWithMeeting(cw, "Sara Trinnet");
  await invite(cw, "employee", "Sara Trinnet");
  const meetingId = new URL(meetingUrl).pathname.split("/")[2]!;
  const prepared = await cw.request.post("/api/agreements", { data: { meetingId, unionRepSigns: false }, headers: { origin: baseURL! } });
  expect(prepared.status(), await prepared.text()).toBe(201);

  // Twenty minutes on, for this browser only; she has not been in the room.
  await cw.context().setExtraHTTPHeaders({ [TEST_CLOCK_HEADER]: "20" });
  await cw.goto(`${meetingUrl}/agreement`);
  const form = cw.getByTestId("decision-form-caseworker");
  await form.getByTestId("typed-name").fill("Mette Sørensen");
  await form.getByTestId("read-and-agree").check();
  await form.getByTestId("sign-submit").click();
  const stepUp = form.getByTestId("stale-step-up");
  await expect(stepUp).toBeVisible();
  await expect(form.getByTestId("decision-error")).not.toBeEmpty();
  // Still on the signing page, still signed in, what she typed still there.
  await expect(cw).toHaveURL(`${meetingUrl}/agreement`);
  await expect(form.getByTestId("typed-name")).toHaveValue("Mette Sørensen");
  expect((await cw.request.get("/cases", { maxRedirects: 0 })).status()).toBe(200);

  // The way out is on the page: open the meeting room (a new tab), then sign here.
  const [room] = await Promise.all([cw.context().waitForEvent("page"), stepUp.getByRole("link").click()]);
  await expect(room).toHaveURL(meetingUrl);
  await waitSaved(room);
  await form.getByTestId("sign-submit").click();
  await expect(cw.getByTestId("signer-caseworker")).toHaveAttribute("data-state", "signed");
  await cw.context().close();
});
