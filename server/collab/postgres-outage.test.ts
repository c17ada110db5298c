import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { checkReadiness } from "../readiness";
import { startOwnPostgres, type OwnPostgres } from "./testing/own-postgres";
import {
  connectClient,
  decodeServerFrame,
  destroyAllClients,
  eventually,
  rawClient,
  standaloneUpdate,
  startHarness,
  syncFrame,
  ticketFor,
  waitFor,
  waitSynced,
  type Harness,
} from "./test-harness";
import { CloseCode } from "./close-codes";

/**
 * Issue 19: PostgreSQL stopped in the middle of a meeting. The test runs its OWN cluster (initdb +
 * pg_ctl on a free port) and stops and starts that one; the machine's PostgreSQL is not touched.
 */
let pg: OwnPostgres;
let tdb: TestDatabase;
let h: Harness;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  pg = await startOwnPostgres();
  process.env.DATABASE_URL = pg.url;
  tdb = await createTestDatabase();
}, 120_000);
afterEach(async () => {
  destroyAllClients();
  // A failed test may leave the cluster stopped; the server's close() waits for its commits.
  await pg.start().catch(() => {});
  await h?.stop();
});
afterAll(async () => {
  await tdb?.drop().catch(() => {});
  await pg?.destroy();
  process.env.DATABASE_URL = savedUrl;
});

describe("PostgreSQL stopped during a meeting", () => {
  it("keeps the room readable, acknowledges nothing it cannot commit, says not ready, and commits and delivers everything once PostgreSQL is back", async () => {
    // Nobody is asked to leave for waiting: the outage lasts as long as the test makes it.
    h = await startHarness({ busyCloseMs: 600_000 });
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    const writer = connectClient(h, room, ticketFor(f, "caseworker"), { reconnect: false });
    const reader = connectClient(h, room, ticketFor(f, "employee"), { reconnect: false });
    await waitSynced(writer, reader);
    writer.doc.getMap("log").set("before", 0);
    await waitFor(() => reader.doc.getMap("log").get("before") === 0, "the edit before the outage");

    // A second writer that asks, after its edit, "is everything I sent saved?" (a SyncStep1, as
    // the browser's save tracker does): the answer must wait for the commit.
    const probe = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticketFor(f, "manager"))}`);
    await probe.opened;
    await waitFor(() => probe.frames.length > 0, "the probe to be admitted");

    await pg.stop();

    const log = writer.doc.getMap("log");
    for (let n = 0; n < 20; n++) log.set(`during:${n}`, n);
    probe.send(syncFrame(2, standaloneUpdate("probe", "x")));
    probe.send(syncFrame(0, new Uint8Array([0])));

    await waitFor(() => !h.server.readiness().ok, "the server to notice the database is away", 15_000);
    const ready = await checkReadiness();
    expect(ready.ok).toBe(false);
    expect(ready.checks.database?.ok).toBe(false);

    // Not acknowledged, not delivered: nobody has seen an edit the database does not hold.
    expect(reader.doc.getMap("log").size).toBe(1);
    const answers = () => probe.frames.map(decodeServerFrame).filter((x) => x.type === "sync" && x.sub === 1).length;
    expect(answers()).toBe(0);
    // Still readable: the sockets stay open and the document is what was committed.
    expect(reader.provider.wsconnected && writer.provider.wsconnected).toBe(true);
    // A newcomer is told to come back later (4503), not failed.
    const late = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticketFor(f, "employee"))}`);
    expect((await late.closed).code).toBe(CloseCode.busy);

    await pg.start();

    await waitFor(
      () => reader.doc.getMap("log").size === 21 && reader.doc.getMap("meta").get("probe") === "x",
      "every edit delivered",
      30_000,
    );
    await waitFor(() => answers() === 1, "the probe's answer after the commit");
    await eventually(async () => (await loadDocument(room))!.doc.getMap("log").size === 21, "every edit stored", 10_000);
    expect(h.server.readiness().ok).toBe(true);
    expect((await checkReadiness()).ok).toBe(true);
    // No room failed, nobody was closed.
    expect(writer.closes).toEqual([]);
    expect(reader.closes).toEqual([]);
    expect(h.logs.filter((l) => /room failed/.test(l.msg))).toEqual([]);
    // The room takes edits and joins as before.
    log.set("after", 1);
    await waitFor(() => reader.doc.getMap("log").get("after") === 1, "an edit after the outage");
    const again = connectClient(h, room, ticketFor(f, "employee"), { reconnect: false });
    await waitSynced(again);
    expect(again.doc.getMap("log").size).toBe(22);
  }, 90_000);
});
