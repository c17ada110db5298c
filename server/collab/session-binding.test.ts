import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { staffCaseFixture } from "@/lib/cases/testing";
import { openJoinLink } from "@/lib/access/open-join-link";
import { endParticipantSession } from "@/lib/access/end-participant-session";
import { createRevocationBus, type RevocationBus } from "@/lib/access/revocation-bus";
import { authorizeCollabConnection } from "@/lib/collab-store/authorize-connection";
import { getMeetingTicket } from "@/lib/meetings/get-meeting-ticket";
import { verifyTicket } from "@/lib/tickets/collab-ticket";
import { inviteParticipant } from "@/lib/invites/invite-participant";
import { revokeInvitation } from "@/lib/invites/revoke-invitation";
import { reissueInvitation } from "@/lib/invites/reissue-invitation";
import { authRequest, authSignIn, latestLinkFor, sessionCookieOf, useTempDataDir } from "@/lib/auth/testing";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import type { CollabServerOptions } from "./options";
import { testRedis, type TestRedis } from "./testing/test-redis";
import {
  connectClient,
  destroyAllClients,
  rawClient,
  startHarness,
  syncFrame,
  waitFor,
  waitSynced,
  type Harness,
  type RawClient,
} from "./test-harness";
import { actorsOf, staffWho } from "@/lib/testing/actors";

/**
 * Issue 12.2: a collaboration ticket is bound to the session that fetched it. A ticket fetched
 * before that session ended (sign-out, a withdrawn or re-issued link, staff sign-out) opens
 * nothing, and every socket of an ended session closes, however the race falls and on whichever
 * instance it is.
 */

let tdb: TestDatabase;
let redis: TestRedis;
const harnesses: Harness[] = [];
const buses: RevocationBus[] = [];
beforeAll(async () => {
  useTempDataDir();
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

/** A participant's real session (opened with their join link) and a ticket fetched with it. */
async function signedIn(f: FixtureCase, role: "manager" | "employee" | "union_rep" = "manager") {
  const s = await openJoinLink({ token: f.participants[role].joinToken, ip: null, userAgent: "vitest" });
  const answer = await getMeetingTicket({
    who: await actorsOf({ participantSessionToken: s.sessionToken }),
    meetingId: f.meetingId,
    wsOrigin: ws,
  });
  return { sessionToken: s.sessionToken, room: answer.room, ticket: answer.params.ticket };
}

/** What became of a raw socket: closed (with its code and the frames it saw before), or served. */
async function outcomeOf(c: RawClient): Promise<{ code: number; frames: number }> {
  const served = waitFor(() => c.frames.length > 0, "a first frame").then(
    () => "served" as const,
    () => "silent" as const,
  );
  const outcome = await Promise.race([c.closed, served]);
  if (typeof outcome === "object") return { code: outcome.code, frames: c.frames.length };
  c.ws.close();
  return { code: 0, frames: c.frames.length };
}

/** Open a raw socket as the stock client does and see whether the server serves it. */
async function tryOpen(h: Harness, room: string, ticket: string) {
  const c = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticket)}`);
  await c.opened;
  c.send(syncFrame(0, new Uint8Array([0])));
  return outcomeOf(c);
}

describe("attack 12.2: tickets outliving their session", () => {
  it("attack 12.2: a ticket fetched before sign-out cannot open a socket", async () => {
    const h = await harness();
    const f = await createFixtureCase();
    const { sessionToken, room, ticket } = await signedIn(f);
    await endParticipantSession(sessionToken);
    expect(await tryOpen(h, room, ticket)).toEqual({ code: 4401, frames: 0 });
  });

  it("attack 12.2: a ticket fetched before the link was withdrawn cannot open a socket", async () => {
    const h = await harness();
    const a = await staffCaseFixture(`withdraw.${randomUUID()}@kommune.example`);
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "manager", displayName: "Lars" },
      baseUrl: "http://x",
      locale: "da",
    });
    const s = await openJoinLink({ token: issued.url.split("/join/")[1]!, ip: null, userAgent: null });
    const answer = await getMeetingTicket({
      who: await actorsOf({ participantSessionToken: s.sessionToken }),
      meetingId: a.meetingId!,
      wsOrigin: ws,
    });
    await revokeInvitation({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { participantId: issued.participantId } });
    const out = await tryOpen(h, answer.room, answer.params.ticket);
    expect(out.frames).toBe(0);
    expect([4401, 4403]).toContain(out.code);
  });

  it("attack 12.2: a ticket fetched before the link was re-issued cannot open a socket", async () => {
    const h = await harness();
    const a = await staffCaseFixture(`reissue.${randomUUID()}@kommune.example`);
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "employee", displayName: "Kurt" },
      baseUrl: "http://x",
      locale: "da",
    });
    const s = await openJoinLink({ token: issued.url.split("/join/")[1]!, ip: null, userAgent: null });
    const answer = await getMeetingTicket({
      who: await actorsOf({ participantSessionToken: s.sessionToken }),
      meetingId: a.meetingId!,
      wsOrigin: ws,
    });
    await reissueInvitation({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { participantId: issued.participantId },
      baseUrl: "http://x",
      locale: "da",
    });
    const out = await tryOpen(h, answer.room, answer.params.ticket);
    expect(out.frames).toBe(0);
    expect([4401, 4403]).toContain(out.code);
  });

  it("attack 12.2: a caseworker's ticket fetched before staff sign-out cannot open a socket, and their open socket closes", async () => {
    const h = await harness();
    const email = `staff.${randomUUID()}@kommune.example`;
    const a = await staffCaseFixture(email);
    await requestSignInLink({ email, ip: "10.9.9.9", send: (e: string) => authSignIn(e) });
    const cookie = sessionCookieOf(await authRequest(latestLinkFor(email)))!;
    const staffSessionToken = cookie.slice(cookie.indexOf("=") + 1);
    const fetch = async () => getMeetingTicket({ who: await actorsOf({ staffSessionToken }), meetingId: a.meetingId!, wsOrigin: ws });
    const live = await fetch();
    const before = await fetch();
    const open = connectClient(h, live.room, live.params.ticket, { reconnect: false });
    await waitSynced(open);
    const out = await authRequest("/api/auth/signout", {
      method: "POST",
      cookie,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ callbackUrl: "/signin" }),
    });
    expect(out.status).toBe(302);
    await waitFor(() => open.closes.length > 0, "the caseworker's open socket closed");
    expect(await tryOpen(h, before.room, before.params.ticket)).toEqual({ code: 4401, frames: 0 });
  });

  it("attack 12.2: a session revoked while its socket is being authorised is closed before any frame", async () => {
    let hold: Promise<void> | null = null;
    let entered: () => void = () => {};
    const inGate = new Promise<void>((r) => (entered = r));
    const h = await harness({
      deps: {
        authorize: async (input) => {
          const p = await authorizeCollabConnection(input);
          entered();
          if (hold) await hold;
          return p;
        },
      },
    });
    const f = await createFixtureCase();
    const { sessionToken, room, ticket } = await signedIn(f);
    let release: () => void = () => {};
    hold = new Promise<void>((r) => (release = r));
    const c = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticket)}`);
    await c.opened;
    c.send(syncFrame(0, new Uint8Array([0])));
    await inGate;
    // Verified, not yet registered: now the session ends (and the bus says so) …
    await endParticipantSession(sessionToken);
    // … and only then does the socket join.
    release();
    expect(await outcomeOf(c)).toEqual({ code: 4401, frames: 0 });
  });

  it("attack 12.2: signing out on one instance refuses a socket being authorised on another, over Redis", async () => {
    const channel = `stepwise-test:${randomUUID()}:revocations`;
    const here = createRevocationBus({ redisUrl: redis.url, channel });
    const there = createRevocationBus({ redisUrl: redis.url, channel });
    buses.push(here, there);
    await Promise.all([here.ready(), there.ready()]);
    let hold: Promise<void> | null = null;
    let entered: () => void = () => {};
    const inGate = new Promise<void>((r) => (entered = r));
    const h = await harness({
      deps: {
        onRevocation: there.onRevocation,
        authorize: async (input) => {
          const p = await authorizeCollabConnection(input);
          entered();
          if (hold) await hold;
          return p;
        },
      },
    });
    const f = await createFixtureCase();
    const { sessionToken, room, ticket } = await signedIn(f, "union_rep");
    let release: () => void = () => {};
    hold = new Promise<void>((r) => (release = r));
    const c = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticket)}`);
    await c.opened;
    c.send(syncFrame(0, new Uint8Array([0])));
    await inGate;
    // The session ends on "the other instance": its database row (the process bus this server
    // does not listen to), then that instance's bus, which this server hears only through Redis.
    await endParticipantSession(sessionToken);
    const heard = new Promise<void>((r) => {
      const off = there.onRevocation(() => {
        off();
        r();
      });
    });
    await here.publishSessionEnded({ participantId: f.participants.union_rep.id, sessionId: verifyTicket(ticket, room).session });
    await heard;
    release();
    expect(await outcomeOf(c)).toEqual({ code: 4401, frames: 0 });
  });

  it("attack 12.2: a socket whose session ended without a bus message (lost, or expired) is closed by the periodic re-check", async () => {
    // This server hears no bus at all: every revocation message is lost on its way here.
    const h = await harness({ sessionRecheckMs: 50, deps: { onRevocation: () => () => {} } });
    const f = await createFixtureCase();
    const { sessionToken, room, ticket } = await signedIn(f, "employee");
    const client = connectClient(h, room, ticket, { reconnect: false });
    await waitSynced(client);
    await endParticipantSession(sessionToken);
    await waitFor(() => client.closes.length > 0, "the socket of the ended session closed", 5_000);
    expect(client.closes[0]).toBe(4401);
  });
});

describe("a session's sockets, and only its own", () => {
  it("signing out one device leaves the same person's other device connected", async () => {
    const h = await harness();
    const f = await createFixtureCase();
    const phone = await signedIn(f, "employee");
    const laptop = await signedIn(f, "employee");
    const a = connectClient(h, phone.room, phone.ticket, { reconnect: false });
    const b = connectClient(h, laptop.room, laptop.ticket, { reconnect: false });
    await waitSynced(a, b);
    await endParticipantSession(phone.sessionToken);
    await waitFor(() => a.closes.includes(4401), "the phone's socket closed with 4401");
    // The laptop's socket is still served: a round trip through the server proves it.
    b.doc.getMap("meta").set("probe", "still here");
    const c = connectClient(h, laptop.room, laptop.ticket, { reconnect: false });
    await waitSynced(c);
    await waitFor(() => c.doc.getMap("meta").get("probe") === "still here", "the laptop's edit arrived");
    expect(b.closes).toEqual([]);
  });
});
