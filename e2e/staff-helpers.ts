import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { joinAs } from "./room-helpers";
import { dayFromToday } from "./dates";

/** Where the e2e server (e2e/serve.mjs, no SMTP) writes sign-in and invitation e-mails. */
export const OUTBOX = path.join(".test-data/e2e", "outbox");

export function outboxFor(email: string): string[] {
  if (!existsSync(OUTBOX)) return [];
  return readdirSync(OUTBOX)
    .filter((f) => f.endsWith(`-${email}.eml`))
    .sort();
}

/** The first line starting with http in a message. */
export function linkIn(file: string): string {
  const line = readFileSync(path.join(OUTBOX, file), "utf8")
    .split(/\r?\n/)
    .find((l) => l.startsWith("http"));
  if (!line) throw new Error(`no link in ${file}`);
  return line.trim();
}

/** A reminder (lib/reminders): it arrives on the server's hourly schedule, never in answer to a step of a spec. */
function isReminder(file: string): boolean {
  return readFileSync(path.join(OUTBOX, file), "utf8").includes("/reminders/unsubscribe?t=");
}

/**
 * Wait for a message to `email` that was not there before (`seen` = outboxFor(email) earlier).
 * Reminders are passed over: the demo caseworker gets them at start and every hour, and one
 * arriving mid-step must not be taken for the sign-in link or invitation the spec waits for.
 */
export async function newMessageFor(email: string, seen: string[]): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(() => {
      found = outboxFor(email).find((f) => !seen.includes(f) && !isReminder(f));
      return found;
    })
    .toBeTruthy();
  return found!;
}

/**
 * One sign-in per address at a time across the workers: the outbox cannot tell whose request a
 * new message answers, so two workers asking at once could both open the same link (the second
 * finds it used). A lock file, created exclusively; one left by a worker that died is taken over.
 */
async function withSignInLock<T>(email: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(".test-data/e2e", `signin-${email.replace(/[^a-z0-9.@-]/gi, "_")}.lock`);
  mkdirSync(path.dirname(lock), { recursive: true });
  const take = () => {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      return true;
    } catch {
      try {
        process.kill(Number(readFileSync(lock, "utf8")), 0);
      } catch {
        rmSync(lock, { force: true }); // its worker is gone (or the lock was just let go)
      }
      return false;
    }
  };
  await expect.poll(take, { timeout: 120_000, message: `the sign-in lock for ${email}` }).toBe(true);
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Ask for a sign-in link on /signin and open it from the outbox: the caseworker lands on `landing`. Returns the link. */
export async function signInFromOutbox(page: Page, email: string, landing: RegExp = /\/cases$/): Promise<string> {
  return withSignInLock(email, () => signInUnlocked(page, email, landing));
}

async function signInUnlocked(page: Page, email: string, landing: RegExp): Promise<string> {
  const seen = outboxFor(email);
  await page.goto("/signin");
  await page.getByTestId("signin-email").fill(email);
  await page.getByTestId("signin-submit").click();
  await expect(page.getByTestId("check-email")).toBeVisible();
  const link = linkIn(await newMessageFor(email, seen));
  await page.goto(link);
  await expect(page).toHaveURL(landing);
  return link;
}

// One sign-in per address for the whole run, shared by every worker through a file (sign-in links
// are rate-limited per address and per IP, and each spec file signing in afresh would spend the
// hour's allowance). A session that has ended (a spec signed it out) is replaced by a new sign-in.
type StorageState = Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;
const stateFile = (email: string) => path.join(".test-data/e2e", `staff-session-${email.replace(/[^a-z0-9.@-]/gi, "_")}.json`);

function savedState(email: string): StorageState | undefined {
  try {
    return JSON.parse(readFileSync(stateFile(email), "utf8")) as StorageState;
  } catch {
    return undefined;
  }
}

/** A fresh browser context (own cookies) signed in as this caseworker, on /cases. */
export async function caseworkerPage(browser: Browser, email: string): Promise<Page> {
  const reuse = async (): Promise<Page | null> => {
    const state = savedState(email);
    if (!state) return null;
    const context = await browser.newContext({ locale: "da-DK", storageState: state });
    const page = await context.newPage();
    await page.goto("/cases");
    if (/\/cases$/.test(page.url())) return page;
    await context.close();
    return null;
  };
  const reused = await reuse();
  if (reused) return reused;
  return withSignInLock(email, async () => {
    // Another worker may have signed in while this one waited for the lock.
    const meanwhile = await reuse();
    if (meanwhile) return meanwhile;
    const context = await browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    await signInUnlocked(page, email, /\/cases$/);
    // Written whole, then renamed: a worker reading it meanwhile sees the old file or the new one.
    const tmp = `${stateFile(email)}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(await context.storageState()), { mode: 0o600 });
    renameSync(tmp, stateFile(email));
    return page;
  });
}

export type InvitedCase = {
  caseUrl: string;
  meetingUrl: string;
  caseworker: Page;
  employee: Page;
  manager: Page;
  unionRep: Page;
  links: { employee: string; manager: string; union_rep: string };
};

/** On a case page: invite one person and read the link shown once. */
export async function invite(page: Page, role: string, name: string, email = ""): Promise<string> {
  await page.getByTestId("invite-role").selectOption(role);
  await page.getByTestId("invite-name").fill(name);
  await page.getByTestId("invite-email").fill(email);
  await page.getByTestId("invite-submit").click();
  const panel = page.getByTestId("issued-link-panel");
  await expect(panel).toContainText(name);
  const link = await page.getByTestId("issued-link").inputValue();
  expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  return link;
}

/** From /cases: open a new case and schedule its first meeting (tomorrow 10:00). Stays on the case page. */
export async function openCaseWithMeeting(caseworker: Page, employeeName: string): Promise<{ caseUrl: string; meetingUrl: string }> {
  await caseworker.goto("/cases");
  await caseworker.getByTestId("new-case").click();
  await caseworker.getByTestId("case-employee-name").fill(employeeName);
  await caseworker.getByTestId("case-track-employed").check();
  await caseworker.getByTestId("case-employer").fill("Kontorhuset ApS");
  await caseworker.getByTestId("case-submit").click();
  await expect(caseworker).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(caseworker.getByTestId("case-title")).toHaveText(employeeName);
  const caseUrl = caseworker.url();

  await expect(caseworker.getByTestId("invite-needs-meeting")).toBeVisible();
  await caseworker.getByTestId("meeting-date").fill(dayFromToday(1));
  await caseworker.getByTestId("meeting-time").fill("10:00");
  await caseworker.getByTestId("meeting-location").fill("Kontorhuset, mødelokale 1");
  await caseworker.getByTestId("meeting-submit").click();
  await expect(caseworker.getByTestId("meeting")).toHaveCount(1);
  const meetingPath = await caseworker.getByTestId("open-room").getAttribute("href");
  expect(meetingPath).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
  return { caseUrl, meetingUrl: new URL(meetingPath!, caseUrl).toString() };
}

/**
 * The whole staff flow, reusable by other specs (e.g. the check that the manager's browser never
 * receives the employee's preparation notes): the caseworker signs in from the outbox, opens a
 * case, schedules a meeting, invites an employee, a manager and a union representative, and each
 * joins from their own link in their own browser context and lands in the room.
 */
export async function setUpInvitedCase(browser: Browser, email: string, employeeName = "Bodil Jensen"): Promise<InvitedCase> {
  const caseworker = await caseworkerPage(browser, email);
  const { caseUrl, meetingUrl } = await openCaseWithMeeting(caseworker, employeeName);
  const links = {
    employee: await invite(caseworker, "employee", employeeName),
    manager: await invite(caseworker, "manager", "Lars Leder"),
    union_rep: await invite(caseworker, "union_rep", "Tina Tillid"),
  };
  await expect(caseworker.locator('[data-testid="person"][data-state="unused"]')).toHaveCount(3);

  const employee = await joinAs(browser, links.employee);
  const manager = await joinAs(browser, links.manager);
  const unionRep = await joinAs(browser, links.union_rep);
  for (const p of [employee, manager, unionRep]) expect(p.url()).toBe(meetingUrl);
  return { caseUrl, meetingUrl, caseworker, employee, manager, unionRep, links };
}
