import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../access/actor";
import { useTempDataDir } from "../auth/testing";
import { enqueueJob, jobRunner } from "../jobs/job-runner";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { listDeadLetters, retryDeadLetter } from "./dead-letters";
import { runDueJobs } from "./work-jobs";

let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const admin = {
  kind: "staff",
  userId: "u1",
  email: "admin@kommune.example",
  name: "Admin",
  roles: ["admin"],
} as unknown as StaffActor;
const nobody = { ...admin, roles: ["caseworker", "team_lead"] } as unknown as StaffActor;

describe("the dead letters", () => {
  it("a job that keeps failing is retried, then shown to an administrator and to nobody else", async () => {
    const id = "0b6a3c1e-7a0f-4d7e-9d6e-2f1f7f3b9a01";
    // Its data is not an outbox id: the handler throws on every try.
    expect(await enqueueJob("mail.send", { outboxId: "not-an-id" }, id)).toBe(true);
    const boss = await jobRunner();
    let tries = 0;
    for (;;) {
      expect(await runDueJobs({ ignoreStartAfter: true })).toBe(1);
      tries++;
      if ((await boss.getJobById("mail.send", id))!.state === "failed") break;
    }
    expect(tries).toBe(6);
    const letters = await listDeadLetters(admin);
    expect(letters.find((j) => j.id === id)).toMatchObject({ queue: "mail.send", retries: 5, retryable: false });
    // A mail job's body is erased once it failed: it cannot be run again by hand.
    await expect(retryDeadLetter(admin, { queue: "mail.send", id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listDeadLetters(nobody)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("leaves e-mail addresses out of a failed job's error", async () => {
    const boss = await jobRunner();
    const id = await boss.send("mail.send", { outboxId: "x" }, { retryLimit: 0 });
    const [job] = (await boss.fetch("mail.send"))!;
    expect(job!.id).toBe(id);
    await boss.fail("mail.send", id!, { message: "550 5.1.1 <kurt.hansen@demo.example>: Recipient address rejected" });
    const shown = (await listDeadLetters(admin)).find((j) => j.id === id)!;
    expect(shown.error).toBe("550 5.1.1 <[…]>: Recipient address rejected");
  });

  it("an administrator retries a failed reminder scan: it runs again; bad input and unknown jobs are refused", async () => {
    const boss = await jobRunner();
    const id = await boss.send("reminders.scan", {}, { retryLimit: 0 });
    await boss.fetch("reminders.scan");
    await boss.fail("reminders.scan", id!, { message: "database away" });
    expect((await listDeadLetters(admin)).find((j) => j.id === id)).toMatchObject({ retryable: true, error: "database away" });

    await expect(retryDeadLetter(admin, { queue: "nope", id })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(retryDeadLetter(admin, { queue: "reminders.scan", id: "0b6a3c1e-7a0f-4d7e-9d6e-2f1f7f3b9a99" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(retryDeadLetter(nobody, { queue: "reminders.scan", id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await retryDeadLetter(admin, { queue: "reminders.scan", id });
    expect(await runDueJobs()).toBe(1);
    expect((await boss.getJobById("reminders.scan", id!))!.state).toBe("completed");
    expect((await listDeadLetters(admin)).find((j) => j.id === id)).toBeUndefined();
  });
});
