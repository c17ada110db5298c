import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { outboxLinks, rawRequest, startExtraServer, type ExtraServer, type RawAnswer } from "./extra-server";

/**
 * Attacks on the staff sign-in link (issue 12), made with raw HTTP the way curl would, against a
 * server started like `npm start` with PUBLIC_URL unset (the embedded demo, which defaults to its
 * listen address) and behind a "proxy" (TRUST_PROXY=1), so X-Forwarded-Host reaches the app too.
 */
let server: ExtraServer;
let email: string;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startExtraServer({ TRUST_PROXY: "1" });
  email = (JSON.parse(readFileSync(path.join(server.dataDir, "demo-links.json"), "utf8")) as { caseworkerEmail: string }).caseworkerEmail;
});
test.afterAll(async () => {
  await server?.stop();
});

const host = () => new URL(server.url).host;
const askForLink = (headers: Record<string, string>, body: string, type = "application/json") =>
  rawRequest(server.url, { method: "POST", path: "/api/auth/email-link", headers: { "Content-Type": type, ...headers }, body });

/**
 * Everything but the headers that differ for every answer whatever was asked (the Date, and the
 * request id each answer carries for the logs: a fresh random id, the same for known and unknown
 * addresses), in the order sent.
 */
const PER_ANSWER = new Set(["date", "x-request-id"]);
const comparable = (a: RawAnswer) => ({
  status: a.status,
  headers: a.rawHeaders.filter(([k]) => !PER_ANSWER.has(k.toLowerCase())),
  body: a.body,
});

test("attack 12.1: a sign-in link asked for with a forged Host or X-Forwarded-Host still points at the real server", async ({
  browser,
}) => {
  const forged: Record<string, string>[] = [
    { Host: "evil.example", Origin: "http://evil.example" },
    { Host: host(), "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", Origin: "https://evil.example" },
  ];
  for (const headers of forged) expect((await askForLink(headers, JSON.stringify({ email }))).status).toBe(202);

  // Mail goes through the outbox and the job runner: wait until both have been delivered.
  await expect.poll(() => outboxLinks(server.dataDir, email).length, { timeout: 60_000 }).toBe(2);
  const links = outboxLinks(server.dataDir, email);
  for (const link of links) {
    expect(link).not.toContain("evil");
    expect(new URL(link).origin).toBe(new URL(server.url).origin);
  }
  // The link the caseworker receives signs her in on the real server.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(links[1]!);
  await expect(page).toHaveURL(`${server.url}/cases`);
  await context.close();
});

test("attack 12.9: a known and an unknown address get the same answer, byte for byte (JSON and form posts)", async () => {
  const headers = { Host: host(), Origin: server.url };
  const asJson = (address: string) => askForLink(headers, JSON.stringify({ email: address, callbackUrl: "/cases" }));
  const asForm = (address: string) =>
    askForLink(headers, new URLSearchParams({ email: address, callbackUrl: "/cases" }).toString(), "application/x-www-form-urlencoded");
  for (const ask of [asJson, asForm]) {
    const known = comparable(await ask(email));
    const unknown = comparable(await ask("nobody.here@jobcenter.example"));
    expect([202, 303]).toContain(known.status);
    expect(known.headers.filter(([k]) => k.toLowerCase() === "set-cookie")).toEqual([]);
    expect(unknown).toEqual(known);
  }
  // The known address did get its links (the answers say nothing about it).
  await expect.poll(() => outboxLinks(server.dataDir, email).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  expect(outboxLinks(server.dataDir, "nobody.here@jobcenter.example")).toEqual([]);
});
