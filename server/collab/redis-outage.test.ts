import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { ownRedis, type OwnRedis } from "./testing/test-redis";
import {
  connectClient,
  destroyAllClients,
  eventually,
  sameState,
  startHarness,
  ticketFor,
  waitFor,
  waitSynced,
  type Harness,
} from "./test-harness";

/**
 * Issue 19: Redis stopped under two instances. The test runs its OWN redis-server on its own port
 * and stops and starts that one; the machine's Redis is not touched.
 */
let tdb: TestDatabase;
let redis: OwnRedis;
const harnesses: Harness[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = await ownRedis();
});
afterEach(async () => {
  destroyAllClients();
  await redis.start().catch(() => {});
  await Promise.all(harnesses.splice(0).map((x) => x.stop()));
});
afterAll(async () => {
  await redis?.stop();
  await tdb.drop();
});

describe("Redis stopped with two instances", () => {
  it("each instance keeps serving its own sockets; when Redis returns each catches up from PostgreSQL and nothing is lost", async () => {
    const prefix = `stepwise-test:${randomUUID()}`;
    const a = await startHarness({ redisUrl: redis.url, redisPrefix: prefix });
    const b = await startHarness({ redisUrl: redis.url, redisPrefix: prefix });
    harnesses.push(a, b);
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    const onA = connectClient(a, room, ticketFor(f, "caseworker"));
    const onA2 = connectClient(a, room, ticketFor(f, "manager"));
    const onB = connectClient(b, room, ticketFor(f, "employee"));
    await waitSynced(onA, onA2, onB);
    onA.doc.getMap("log").set("before", 1);
    await waitFor(() => onB.doc.getMap("log").get("before") === 1, "cross-instance delivery before the outage");

    await redis.stop();

    // Both instances keep serving their own sockets.
    for (let n = 0; n < 10; n++) onA.doc.getMap("log").set(`a:${n}`, n);
    for (let n = 0; n < 10; n++) onB.doc.getMap("log").set(`b:${n}`, n);
    await waitFor(() => onA2.doc.getMap("log").get("a:9") === 9, "A's edits on A's other socket");
    // Every edit is committed although the bus is down.
    await eventually(async () => (await loadDocument(room))!.doc.getMap("log").size === 21, "every edit stored during the outage");
    expect(onB.doc.getMap("log").has("a:0")).toBe(false);

    await redis.start();

    // Each instance resyncs its rooms from PostgreSQL: the edits of the outage cross.
    await waitFor(
      () => onB.doc.getMap("log").size === 21 && onA.doc.getMap("log").size === 21 && onA2.doc.getMap("log").size === 21,
      "catch-up after Redis returns",
      30_000,
    );
    expect(sameState(onA.doc, onB.doc)).toBe(true);
    // And live delivery resumes.
    onB.doc.getMap("log").set("after", 1);
    await waitFor(() => onA.doc.getMap("log").get("after") === 1, "cross-instance delivery after the outage", 15_000);
    expect([...onA.closes, ...onA2.closes, ...onB.closes]).toEqual([]);
    expect(a.logs.some((l) => /resyncing loaded rooms/.test(l.msg))).toBe(true);
  }, 60_000);
});
