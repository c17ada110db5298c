import { createServer } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findOutboxMail } from "@/db/queries/outbox";
import { getDb } from "@/db/client";
import { outboxFiles, useTempDataDir } from "../auth/testing";
import { resetEnvCache } from "../env";
import { jobQueueDepth, jobRunner, listFailedJobs } from "../jobs/job-runner";
import { runDueJobs } from "../system/work-jobs";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { staffCaseFixture } from "../cases/testing";
import { getCaseOverview } from "../cases/get-case-overview";
import { inviteParticipant } from "../invites/invite-participant";
import { outboxDir } from "./deliver-mail";
import { queueMail } from "./queue-mail";
import { sendQueuedMail } from "./send-queued-mail";
import { staffWho } from "../testing/actors";

let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});
afterEach(() => {
  for (const k of ["SMTP_HOST", "SMTP_PORT", "MAIL_FROM"]) delete process.env[k];
  resetEnvCache();
});

const stateOf = async (id: string) => (await findOutboxMail(await getDb(), id))!;

/** A local port nothing listens on: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("the outbox", () => {
  it("is queued until the runner delivers it, then lands in DATA_DIR/outbox with no SMTP and is sent", async () => {
    const before = outboxFiles().length;
    const id = await queueMail({ to: "anne@kommune.example", subject: "Log ind", text: "http://localhost/link\nHej" });
    expect((await stateOf(id)).state).toBe("queued");
    expect(outboxFiles().length).toBe(before);
    expect(await jobQueueDepth()).toBe(1);

    expect(await runDueJobs()).toBe(1);
    const row = await stateOf(id);
    expect(row).toMatchObject({ state: "sent", attempts: 1, body: "" });
    expect(row.sentAt).toBeInstanceOf(Date);
    const file = outboxFiles().find((f) => f.endsWith("-anne@kommune.example.eml"))!;
    expect(readFileSync(path.join(outboxDir(), file), "utf8")).toContain("http://localhost/link");
    expect(await jobQueueDepth()).toBe(0);
  });

  it("sends a mail once even when its job runs twice, and queues one job per mail", async () => {
    const id = await queueMail({ to: "twice@kommune.example", subject: "S", text: "T" });
    const boss = await jobRunner();
    // The same key again is the same job: not added.
    expect(await boss.send("mail.send", { outboxId: id }, { id })).toBeNull();
    const attempt = { retryCount: 0, retryLimit: 5 };
    await sendQueuedMail({ outboxId: id }, attempt);
    await sendQueuedMail({ outboxId: id }, attempt);
    expect(outboxFiles().filter((f) => f.endsWith("-twice@kommune.example.eml"))).toHaveLength(1);
    expect((await stateOf(id)).state).toBe("sent");
    await runDueJobs();
    expect(outboxFiles().filter((f) => f.endsWith("-twice@kommune.example.eml"))).toHaveLength(1);
  });

  it("rejects a job whose data is not an outbox id", async () => {
    await expect(sendQueuedMail({ outboxId: "nope" }, { retryCount: 0, retryLimit: 0 })).rejects.toThrow();
  });

  it("retries a mail the SMTP server refuses, each wait longer, then keeps it as failed for the administrator", async () => {
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(await closedPort());
    process.env.MAIL_FROM = "Stepwise <no-reply@kommune.example>";
    resetEnvCache();
    const id = await queueMail({ to: "down@kommune.example", subject: "S", text: "T" });
    const boss = await jobRunner();

    const waits: number[] = [];
    for (;;) {
      const failedAt = Date.now();
      expect(await runDueJobs({ ignoreStartAfter: true })).toBe(1);
      const job = (await boss.getJobById("mail.send", id))!;
      if (job.state === "failed") break;
      expect(job.state).toBe("retry");
      expect((await stateOf(id)).state).toBe("queued");
      waits.push(new Date(job.startAfter).getTime() - failedAt);
      // Not due again until its backoff has passed.
      expect(await runDueJobs()).toBe(0);
    }
    expect(waits).toHaveLength(5);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);

    const row = await stateOf(id);
    expect(row).toMatchObject({ state: "failed", attempts: 6, body: "" });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    expect(outboxFiles().some((f) => f.endsWith("-down@kommune.example.eml"))).toBe(false);
    const failed = await listFailedJobs();
    expect(failed.find((j) => j.id === id)).toMatchObject({ queue: "mail.send", retries: 5 });
    expect(failed.find((j) => j.id === id)!.error).toMatch(/ECONNREFUSED/);
  });

  it("shows the caseworker each invitation's mail: queued, then sent — or failed when the mail server refuses it to the end", async () => {
    const a = await staffCaseFixture("mailstate@kommune.example");
    const invite = async (displayName: string, email: string) =>
      inviteParticipant({
        who: await staffWho(a.staff.id),
        caseId: a.caseId,
        raw: { role: "manager", displayName, email },
        baseUrl: "http://localhost:3000",
        locale: "da",
      });
    const mailOf = async (participantId: string) =>
      (await getCaseOverview({ who: await staffWho(a.staff.id), caseId: a.caseId })).participants.find((p) => p.id === participantId)!.mail;

    const lars = await invite("Lars", "lars@firma.example");
    expect(await mailOf(lars.participantId)).toBe("queued");
    await runDueJobs();
    expect(await mailOf(lars.participantId)).toBe("sent");
    expect(await mailOf(a.caseworkerParticipantId)).toBeNull();

    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(await closedPort());
    process.env.MAIL_FROM = "Stepwise <no-reply@kommune.example>";
    resetEnvCache();
    const karen = await invite("Karen", "karen@firma.example");
    for (let tries = 0; tries <= 5; tries++) {
      expect(await mailOf(karen.participantId)).toBe("queued");
      await runDueJobs({ ignoreStartAfter: true });
    }
    expect(await mailOf(karen.participantId)).toBe("failed");
    expect(await mailOf(lars.participantId)).toBe("sent");
  });
});
