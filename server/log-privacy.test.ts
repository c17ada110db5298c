import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { ensureDemo, type DemoLinks } from "@/lib/demo/seed-demo";
import { KURT } from "@/lib/demo/kurt-case";
import { staffEmailProvider } from "@/lib/auth/staff-email-provider";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { sendInvitationEmail } from "@/lib/invites/invitation-email";
import { runDueJobs } from "@/lib/system/work-jobs";
import { createMetrics } from "./metrics";
import { createRequestListener } from "./request-listener";
import { captureLogs, errorFields, logger, withRequestId } from "@/lib/log/logger";

/**
 * The rule for log lines — ids and counts, never names, addresses or case text — checked on
 * everything written while the demo is seeded, a caseworker asks for a sign-in link (delivered and
 * failing), an invitation is mailed and the demo's links are requested over HTTP.
 */
let tdb: TestDatabase;
let dataDir: string;
let demo: DemoLinks;
const lines: string[] = [];
let release: () => void;

beforeAll(async () => {
  tdb = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "stepwise-logs-"));
  release = captureLogs(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    }),
  );
  demo = (await ensureDemo({ dataDir, baseUrl: "http://127.0.0.1:3000" })).links;
}, 120_000);

afterAll(async () => {
  release?.();
  rmSync(dataDir, { recursive: true, force: true });
  await tdb.drop();
});

async function demoFlow(): Promise<void> {
  const signIn = staffEmailProvider();
  const link = `http://127.0.0.1:3000/api/auth/callback/email?token=secret-token-1&email=${encodeURIComponent(KURT.caseworkerEmail)}`;
  await signIn.sendVerificationRequest({ identifier: KURT.caseworkerEmail, url: link } as Parameters<
    typeof signIn.sendVerificationRequest
  >[0]);
  await requestSignInLink({
    email: KURT.caseworkerEmail,
    ip: "127.0.0.1",
    send: async (email) => {
      throw new Error(`550 5.1.1 <${email}>: Recipient address rejected`);
    },
  });
  await sendInvitationEmail({
    organisation: "Jobcenter Testby",
    to: "lars.nielsen@nordlager.example",
    locale: "da",
    name: KURT.people.manager,
    startsAt: new Date(),
    durationMinutes: 60,
    location: KURT.location,
    videoUrl: null,
    roomUrl: demo.meetingUrl,
    url: demo.links.manager,
    expiresAt: new Date(),
  });
  // The queued mails are delivered: the job's own log lines are checked too.
  await runDueJobs();
  const http = createServer(
    createRequestListener({
      ops: { metrics: createMetrics(), serveMetrics: false },
      trustProxy: false,
      app: () => async (_q, s) => void s.end("ok"),
    }),
  );
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  for (const url of [
    demo.links.employee,
    demo.meetingUrl,
    `${demo.caseUrl ?? demo.meetingUrl}?q=${encodeURIComponent(KURT.employeeName)}`,
  ]) {
    await fetch(`${base}${new URL(url).pathname}${new URL(url).search}`);
  }
  http.close();
  withRequestId("req-1", () => logger("test").error("something failed", errorFields(new Error(`could not reach ${KURT.caseworkerEmail}`))));
}

describe("log lines", () => {
  it("carry no name, e-mail address, plan text or token of the demo case", async () => {
    await demoFlow();
    expect(lines.length).toBeGreaterThan(5);
    const forbidden = [
      ...Object.values(KURT.people),
      "Kurt",
      "Mette",
      KURT.employer,
      KURT.caseworkerEmail,
      "lars.nielsen@nordlager.example",
      KURT.meetingTitle,
      KURT.location,
      "Tilbage i eget job",
      "Smerterne",
      "secret-token-1",
      ...Object.values(demo.links).map((l) => new URL(l).pathname.split("/").pop()!),
    ];
    const all = lines.join("\n");
    for (const word of forbidden) expect(all, word).not.toContain(word);
  });

  it("are JSON with a level, a time, a component, and the request's id inside a request", async () => {
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const p of parsed) {
      expect(p).toMatchObject({ level: expect.any(String), time: expect.any(String), component: expect.any(String) });
    }
    const requests = parsed.filter((p) => p.component === "http");
    expect(requests.length).toBe(3);
    for (const r of requests)
      expect(r).toMatchObject({ msg: "request", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), route: expect.any(String) });
    expect(parsed.find((p) => p.msg === "something failed")).toMatchObject({
      requestId: "req-1",
      error: "Error: could not reach [e-mail]",
    });
  });
});
