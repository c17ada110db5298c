import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { caseworkerStaffOf, createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { createRevocationBus, type RevocationBus } from "@/lib/access/revocation-bus";
import { getMeetingTicket } from "@/lib/meetings/get-meeting-ticket";
import { completeMeeting } from "@/lib/meetings/complete-meeting";
import { verifyTicket } from "@/lib/tickets/collab-ticket";
import type { CollabServerOptions } from "./options";
import { testRedis, type TestRedis } from "./testing/test-redis";
import { connectClient, destroyAllClients, startHarness, waitFor, waitSynced, type Client, type Harness } from "./test-harness";
import { actorsOf, staffWho } from "@/lib/testing/actors";
import { cancelMeeting } from "@/lib/followup/cancel-meeting";
import { closeCase } from "@/lib/cases/close-case";
import { dateInZone } from "@/lib/time/zoned";

/**
 * Issue 12, "Also": once a meeting is completed its room is read-only for everyone — for sockets
 * opened afterwards (whatever their ticket says) and for editors connected at that moment, on
 * every instance. The same holds once the meeting is cancelled or its case closed (issue 15).
 */

let tdb: TestDatabase;
let redis: TestRedis;
const harnesses: Harness[] = [];
const buses: RevocationBus[] = [];
beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = await testRedis();
});
afterEach(async () => {
  destroyAllClients();
  await Promise.all(harnesses.splice(0).map((h) => h.stop()));
  await Promise.all(buses.splice(0).map((b) => b.close()));
});
afterAll(async () => {
  await redis.stop();
  await tdb.drop();
});

async function harness(opts: CollabServerOptions = {}): Promise<Harness> {
  const h = await startHarness(opts);
  harnesses.push(h);
  return h;
}

const ws = "ws://127.0.0.1";
const ticketOf = async (f: FixtureCase, role: "caseworker" | "manager" | "employee") =>
  getMeetingTicket({
    who: await actorsOf({ participantSessionToken: f.participants[role].sessionToken }),
    meetingId: f.meetingId,
    wsOrigin: ws,
  });
const complete = async (f: FixtureCase) =>
  completeMeeting({ who: await actorsOf({ participantSessionToken: f.participants.caseworker.sessionToken }), meetingId: f.meetingId });

/**
 * Does the room hold `key`? `writer` sends its edit and then a presence change; once a witness sees
 * that presence the server has handled the edit (one connection's frames are handled in order),
 * and a client joining after that is answered only once every earlier edit is committed.
 */
async function editReachesRoom(h: Harness, f: FixtureCase, writer: Client, key: string): Promise<boolean> {
  const witnessTicket = await ticketOf(f, "employee");
  const witness = connectClient(h, witnessTicket.room, witnessTicket.params.ticket, { reconnect: false });
  await waitSynced(witness);
  writer.doc.getMap("meta").set(key, "written after the meeting was completed");
  writer.provider.awareness.setLocalStateField("probe", key);
  await waitFor(
    () => (witness.provider.awareness.getStates().get(writer.doc.clientID) as { probe?: string } | undefined)?.probe === key,
    "the writer's presence after its edit",
  );
  const late = connectClient(h, witnessTicket.room, (await ticketOf(f, "employee")).params.ticket, { reconnect: false });
  await waitSynced(late);
  return late.doc.getMap("meta").has(key);
}

const cancel = async (f: FixtureCase) =>
  cancelMeeting({
    who: await staffWho(await caseworkerStaffOf(f)),
    meetingId: f.meetingId,
    raw: { message: "" },
    baseUrl: "https://x.example",
    locale: "da",
  });
const closeTheCase = async (f: FixtureCase) =>
  closeCase({
    who: await staffWho(await caseworkerStaffOf(f)),
    caseId: f.caseId,
    raw: { outcome: "full_return", date: dateInZone(new Date()) },
  });
const prepTicket = async (f: FixtureCase) =>
  getMeetingTicket({
    who: await actorsOf({ participantSessionToken: f.participants.employee.sessionToken }),
    meetingId: f.meetingId,
    wsOrigin: ws,
    doc: "prep",
  });

/**
 * The three ways a room ends: the meeting completed (issue 12's attack), the meeting cancelled,
 * the case closed. Each makes the meeting's room read-only in the same four ways; what differs is
 * the event another instance hears and what a new ticket gives as the reason.
 */
const ENDINGS = [
  {
    name: "the meeting is completed",
    attack: "attack 12.also: ",
    end: complete,
    publish: (bus: RevocationBus, f: FixtureCase) => bus.publishMeetingCompleted(f.meetingId),
    closedReason: "meeting_completed",
  },
  {
    name: "the meeting is cancelled",
    attack: "",
    end: cancel,
    publish: (bus: RevocationBus, f: FixtureCase) => bus.publishMeetingCompleted(f.meetingId),
    closedReason: "meeting_cancelled",
  },
  {
    name: "the case is closed",
    attack: "",
    end: closeTheCase,
    publish: (bus: RevocationBus, f: FixtureCase) => bus.publishCaseClosed(f.caseId),
    closedReason: "case_closed",
  },
] as const;

describe.each(ENDINGS)("once $name, its room is read-only", ({ attack, end, publish, closedReason }) => {
  it(`${attack}a writable ticket fetched before opens the room read-only, and a new ticket says why`, async () => {
    const h = await harness();
    const f = await createFixtureCase();
    const before = await ticketOf(f, "manager");
    expect(verifyTicket(before.params.ticket, before.room).readOnly).toBe(false);
    await end(f);
    const writer = connectClient(h, before.room, before.params.ticket, { reconnect: false });
    await waitSynced(writer);
    expect(await editReachesRoom(h, f, writer, "afterTheEnd")).toBe(false);
    const now = await ticketOf(f, "manager");
    expect(verifyTicket(now.params.ticket, now.room).readOnly).toBe(true);
    expect(now).toMatchObject({ readOnly: true, meetingCompleted: true, closedReason });
  });

  it(`${attack}an editor connected at that moment becomes read-only at once (4409)`, async () => {
    const h = await harness();
    const f = await createFixtureCase();
    const t = await ticketOf(f, "manager");
    const writer = connectClient(h, t.room, t.params.ticket, { reconnect: false });
    await waitSynced(writer);
    await end(f);
    await waitFor(() => writer.closes.includes(4409), "the editor's socket closed with 4409");
  });

  it(`${attack}an editor on another instance becomes read-only when it hears so over Redis`, async () => {
    const channel = `stepwise-test:${randomUUID()}:revocations`;
    const here = createRevocationBus({ redisUrl: redis.url, channel });
    const there = createRevocationBus({ redisUrl: redis.url, channel });
    buses.push(here, there);
    await Promise.all([here.ready(), there.ready()]);
    const h = await harness({ deps: { onRevocation: there.onRevocation } });
    const f = await createFixtureCase();
    const t = await ticketOf(f, "manager");
    const writer = connectClient(h, t.room, t.params.ticket, { reconnect: false });
    await waitSynced(writer);
    await end(f);
    await publish(here, f);
    await waitFor(() => writer.closes.includes(4409), "the editor on the other instance closed with 4409");
  });

  it(`${attack}an editor whose instance missed the event is made read-only by the periodic re-check`, async () => {
    const h = await harness({ sessionRecheckMs: 50, deps: { onRevocation: () => () => {} } });
    const f = await createFixtureCase();
    const t = await ticketOf(f, "caseworker");
    const writer = connectClient(h, t.room, t.params.ticket, { reconnect: false });
    await waitSynced(writer);
    await end(f);
    await waitFor(() => writer.closes.includes(4409), "the editor closed with 4409 by the re-check");
  });
});

describe("the private preparation belongs to the case, not to one meeting", () => {
  it("stays writable when the meeting is completed", async () => {
    const h = await harness();
    const f = await createFixtureCase();
    await complete(f);
    const prep = await prepTicket(f);
    expect(verifyTicket(prep.params.ticket, prep.room).readOnly).toBe(false);
    const c = connectClient(h, prep.room, prep.params.ticket, { reconnect: false });
    await waitSynced(c);
  });

  it("becomes read-only when the case is closed: its editor at once (4409), and its new tickets", async () => {
    const h = await harness();
    const f = await createFixtureCase();
    const prep = await prepTicket(f);
    const writer = connectClient(h, prep.room, prep.params.ticket, { reconnect: false });
    await waitSynced(writer);
    await closeTheCase(f);
    await waitFor(() => writer.closes.includes(4409), "the preparation's editor closed with 4409");
    const prepNow = await prepTicket(f);
    expect(verifyTicket(prepNow.params.ticket, prepNow.room).readOnly).toBe(true);
  });
});
