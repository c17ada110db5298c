import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  createRevocationBus,
  onRevocation,
  publishParticipantRevoked,
  closeRevocationBus,
  type RevocationBus,
  type RevocationEvent,
} from "./revocation-bus";

/** Whom an event is about: a participant, a meeting (completed or cancelled) or a case (closed). */
const subject = (e: RevocationEvent): string =>
  e.type === "meeting_completed" ? e.meetingId : e.type === "case_closed" ? e.caseId : e.participantId;

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const open: RevocationBus[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

function bus(opts: Parameters<typeof createRevocationBus>[0] = {}): RevocationBus {
  const b = createRevocationBus({ log: () => {}, ...opts });
  open.push(b);
  return b;
}

function collect(b: RevocationBus): RevocationEvent[] {
  const got: RevocationEvent[] = [];
  b.onRevocation((e) => got.push(e));
  return got;
}

async function waitFor(cond: () => boolean, what: string, ms = 2_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("revocation bus, in process", () => {
  it("delivers a participant revocation to every listener before publish resolves", async () => {
    const b = bus();
    const one = collect(b);
    const two = collect(b);
    await b.publishParticipantRevoked("p-1");
    expect(one).toEqual([{ type: "participant_revoked", participantId: "p-1", at: expect.any(Number) }]);
    expect(two).toEqual(one);
  });

  it("delivers a session end with its session id", async () => {
    const b = bus();
    const got = collect(b);
    await b.publishSessionEnded({ participantId: "p-2", sessionId: "s-9" });
    await b.publishSessionEnded({ participantId: "p-3" });
    expect(got).toMatchObject([
      { type: "session_ended", participantId: "p-2", sessionId: "s-9" },
      { type: "session_ended", participantId: "p-3", sessionId: null },
    ]);
  });

  it("stops delivering after unsubscribe, and a throwing listener harms no other", async () => {
    const b = bus();
    const got: string[] = [];
    b.onRevocation(() => {
      throw new Error("boom");
    });
    const off = b.onRevocation((e) => got.push(subject(e)));
    await b.publishParticipantRevoked("a");
    off();
    await b.publishParticipantRevoked("b");
    expect(got).toEqual(["a"]);
  });

  it("is one bus per process, shared by every copy of this module (globalThis)", async () => {
    const got: string[] = [];
    const off = onRevocation((e) => got.push(subject(e)));
    await publishParticipantRevoked("shared");
    off();
    await closeRevocationBus();
    expect(got).toEqual(["shared"]);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("stepwise.revocationBus")]).toBeUndefined();
  });
});

describe("revocation bus over Redis", () => {
  it("delivers to the other instances once, and to the publisher once (locally)", async () => {
    const channel = `stepwise-test:revocations:${randomUUID()}`;
    const a = bus({ redisUrl: REDIS_URL, channel });
    const b = bus({ redisUrl: REDIS_URL, channel });
    const c = bus({ redisUrl: REDIS_URL, channel });
    await Promise.all([a.ready(), b.ready(), c.ready()]);
    const [gotA, gotB, gotC] = [collect(a), collect(b), collect(c)];
    await a.publishParticipantRevoked("p-42");
    await waitFor(() => gotB.length > 0 && gotC.length > 0, "the other instances");
    await b.publishSessionEnded({ participantId: "p-43", sessionId: "s-1" });
    await waitFor(() => gotA.length > 1 && gotC.length > 1, "the second event");
    await c.publishMeetingCompleted("m-44");
    await waitFor(() => gotA.length > 2 && gotB.length > 2, "the third event");
    await a.publishCaseClosed("c-45");
    await waitFor(() => gotB.length > 3 && gotC.length > 3, "the fourth event");
    // A last event from a fourth instance: Redis delivers one channel in order, so a duplicate of
    // any earlier event would have arrived before it (a condition to wait for, not a pause).
    const d = bus({ redisUrl: REDIS_URL, channel });
    await d.ready();
    await d.publishParticipantRevoked("p-last");
    await waitFor(() => [gotA, gotB, gotC].every((got) => got.some((e) => subject(e) === "p-last")), "the last event");
    for (const got of [gotA, gotB, gotC]) {
      expect(got.map((e) => `${e.type}:${subject(e)}`)).toEqual([
        "participant_revoked:p-42",
        "session_ended:p-43",
        "meeting_completed:m-44",
        "case_closed:c-45",
        "participant_revoked:p-last",
      ]);
    }
    expect(gotC[1]).toMatchObject({ sessionId: "s-1" });
  });

  it("keeps channels apart", async () => {
    const a = bus({ redisUrl: REDIS_URL, channel: `stepwise-test:revocations:${randomUUID()}` });
    const bChannel = `stepwise-test:revocations:${randomUUID()}`;
    const b = bus({ redisUrl: REDIS_URL, channel: bChannel });
    await Promise.all([a.ready(), b.ready()]);
    const gotB = collect(b);
    await a.publishParticipantRevoked("elsewhere");
    // Then one on b's own channel: had "elsewhere" crossed over, it would have arrived first.
    const c = bus({ redisUrl: REDIS_URL, channel: bChannel });
    await c.ready();
    await c.publishParticipantRevoked("here");
    await waitFor(() => gotB.length > 0, "the event on b's own channel");
    expect(gotB.map(subject)).toEqual(["here"]);
  });

  it("still delivers locally, and resolves, when Redis cannot be reached", async () => {
    const logs: string[] = [];
    const b = bus({ redisUrl: "redis://127.0.0.1:1", channel: "x", log: (m) => logs.push(m) });
    const got = collect(b);
    // Resolving at all is the point (a hang fails the test by its timeout), not how fast.
    await b.publishParticipantRevoked("local-only");
    expect(got.map(subject)).toEqual(["local-only"]);
    expect(logs.some((m) => m.includes("publish failed"))).toBe(true);
  });
});
