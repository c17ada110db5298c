import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { canonicalBytes } from "./canonical-json";
import { clientCommitment, openClientFacts } from "./client-facts";
import { appendEvent, chainHead, eventHash, verifyChain, type LegacyEvent, type SignatureEvent } from "./event-chain";
import { fingerprint as fingerprintOf, sha256Hex } from "./fingerprint";

const fingerprint = fingerprintOf({ agreementId: "a1", plan: "30 hours" });
const facts = { ip: "192.0.2.1", userAgent: "UA/1" };

function sampleChain(): SignatureEvent[] {
  const events: SignatureEvent[] = [];
  const t = (m: number) => new Date(Date.UTC(2025, 2, 4, 9, m));
  events.push(
    appendEvent(fingerprint, events, {
      type: "prepared",
      at: t(0),
      participantId: "p1",
      role: "caseworker",
      name: "Mette",
      authMethod: "oidc",
      shownHash: fingerprint,
      client: openClientFacts(facts),
    }),
  );
  events.push(
    appendEvent(fingerprint, events, {
      type: "declined",
      at: t(1),
      participantId: "p2",
      role: "manager",
      name: "Lars",
      authMethod: "join-link",
      shownHash: fingerprint,
      reason: "Hours unclear",
      client: openClientFacts(facts),
    }),
  );
  events.push(
    appendEvent(fingerprint, events, {
      type: "signed",
      at: t(2),
      participantId: "p2",
      role: "manager",
      name: "Lars",
      authMethod: "join-link",
      shownHash: fingerprint,
      client: openClientFacts(facts),
    }),
  );
  events.push(
    appendEvent(fingerprint, events, {
      type: "signed",
      at: t(3),
      participantId: "p3",
      role: "employee",
      name: "Kurt",
      authMethod: "email-link",
      shownHash: fingerprint,
      client: openClientFacts(facts),
    }),
  );
  return events;
}

function expectAppError(fn: () => unknown, code: AppError["code"]): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return;
  }
  expect.unreachable("expected an AppError");
}

const FIELDS = [
  "seq",
  "type",
  "at",
  "participantId",
  "role",
  "name",
  "authMethod",
  "client",
  "shownHash",
  "reason",
  "prevHash",
  "hash",
] as const;

/** A different, well-typed value for a field, so only the chain can notice. */
function changed(e: SignatureEvent, field: (typeof FIELDS)[number]): SignatureEvent {
  switch (field) {
    case "seq":
      return { ...e, seq: e.seq + 1 };
    case "type":
      return { ...e, type: e.type === "signed" ? "declined" : "signed" };
    case "at":
      return { ...e, at: new Date(Date.parse(e.at) + 1).toISOString() };
    case "shownHash":
    case "prevHash":
    case "hash":
    case "client":
      return { ...e, [field]: sha256Hex(new TextEncoder().encode(`other ${field}`)) };
    default: {
      const value = (e as Record<string, unknown>)[field];
      return { ...e, [field]: value === null ? "x" : `${String(value)}x` };
    }
  }
}

describe("signature event chain", () => {
  it("links the first event to the agreement fingerprint and each later one to its predecessor", () => {
    const events = sampleChain();
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[0]!.prevHash).toBe(fingerprint);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(chainHead(fingerprint, events)).toBe(events[3]!.hash);
    expect(chainHead(fingerprint, [])).toBe(fingerprint);
  });

  it("hashes the canonical JSON of the event without its hash, prevHash included", () => {
    const [first] = sampleChain();
    const { hash, ...rest } = first!;
    expect(hash).toBe(sha256Hex(canonicalBytes(rest)));
    expect(Object.keys(rest)).toContain("prevHash");
  });

  it("records every field, null when it does not apply", () => {
    const [prepared, declined] = sampleChain();
    expect(Object.keys(prepared!).sort()).toEqual([...FIELDS].sort());
    expect(prepared!.reason).toBeNull();
    expect(declined!.reason).toBe("Hours unclear");
    expect(declined!.at).toBe("2025-03-04T09:01:00.000Z");
  });

  it("verifies an untouched chain and returns its head", () => {
    const events = sampleChain();
    expect(verifyChain(fingerprint, events)).toEqual({ ok: true, head: events.at(-1)!.hash });
    expect(verifyChain(fingerprint, [])).toEqual({ ok: true, head: fingerprint });
  });

  it.each(FIELDS)("breaks when the %s of any event is edited", (field) => {
    const events = sampleChain();
    for (let i = 0; i < events.length; i++) {
      const edited = events.map((e, j) => (j === i ? changed(e, field) : e));
      const result = verifyChain(fingerprint, edited);
      expect(result.ok, `event ${i + 1} ${field}`).toBe(false);
    }
  });

  it("breaks when events are reordered, deleted or inserted", () => {
    const events = sampleChain();
    const swapped = [events[0]!, events[2]!, events[1]!, events[3]!];
    expect(verifyChain(fingerprint, swapped)).toMatchObject({ ok: false, why: expect.stringContaining("event 2") });
    for (let i = 0; i < events.length - 1; i++) {
      const dropped = events.filter((_, j) => j !== i);
      expect(verifyChain(fingerprint, dropped).ok, `drop ${i + 1}`).toBe(false);
    }
    const renumbered = events.filter((_, j) => j !== 1).map((e, j) => ({ ...e, seq: j + 1 }));
    expect(verifyChain(fingerprint, renumbered).ok).toBe(false);
    expect(verifyChain(fingerprint, [...events, events[3]!]).ok).toBe(false);
  });

  it("does not verify against another agreement's fingerprint", () => {
    const other = fingerprintOf({ agreementId: "a2" });
    expect(verifyChain(other, sampleChain())).toMatchObject({ ok: false, why: expect.stringContaining("fingerprint") });
  });

  it("refuses a signature without who, how and what was shown", () => {
    const events = sampleChain();
    const at = new Date();
    expectAppError(
      () => appendEvent(fingerprint, events, { type: "signed", at, role: "employee", authMethod: "join-link", shownHash: fingerprint }),
      "INVALID_INPUT",
    );
    expectAppError(
      () => appendEvent(fingerprint, events, { type: "signed", at, participantId: "p", role: "employee", shownHash: fingerprint }),
      "INVALID_INPUT",
    );
    expectAppError(
      () => appendEvent(fingerprint, events, { type: "signed", at, participantId: "p", role: "employee", authMethod: "join-link" }),
      "INVALID_INPUT",
    );
    expectAppError(
      () =>
        appendEvent(fingerprint, events, {
          type: "declined",
          at,
          participantId: "p",
          role: "employee",
          authMethod: "join-link",
          shownHash: fingerprint,
        }),
      "INVALID_INPUT",
    );
    expectAppError(
      () =>
        appendEvent(fingerprint, events, { type: "signed", at, participantId: "p", role: "employee", authMethod: "x", shownHash: "abc" }),
      "INVALID_INPUT",
    );
  });

  it("refuses a signature over anything but this agreement (409)", () => {
    const other = fingerprintOf({ agreementId: "other" });
    expectAppError(
      () =>
        appendEvent(fingerprint, [], {
          type: "signed",
          at: new Date(),
          participantId: "p",
          role: "employee",
          authMethod: "join-link",
          shownHash: other,
        }),
      "CONFLICT",
    );
  });

  it("refuses any event after the seal (409)", () => {
    const events = sampleChain();
    events.push(appendEvent(fingerprint, events, { type: "sealed", at: new Date() }));
    expectAppError(
      () =>
        appendEvent(fingerprint, events, {
          type: "signed",
          at: new Date(),
          participantId: "p",
          role: "x",
          authMethod: "y",
          shownHash: fingerprint,
        }),
      "CONFLICT",
    );
  });

  it("accepts only the canonical ISO time spelling", () => {
    const base = { type: "sealed" as const };
    expect(appendEvent(fingerprint, [], { ...base, at: "2025-03-04T09:00:00.000Z" }).at).toBe("2025-03-04T09:00:00.000Z");
    expectAppError(() => appendEvent(fingerprint, [], { ...base, at: "2025-03-04T10:00:00+01:00" }), "INVALID_INPUT");
    expectAppError(() => appendEvent(fingerprint, [], { ...base, at: "yesterday" }), "INVALID_INPUT");
  });

  it("ignores extra properties of a stored row when hashing", () => {
    const events = sampleChain();
    const rows = events.map((e) => ({ ...e, agreementId: "a1", id: 42 }));
    expect(verifyChain(fingerprint, rows).ok).toBe(true);
  });

  it("records where the person was only as a salted commitment, which the opening proves", () => {
    const opening = openClientFacts(facts);
    const e = appendEvent(fingerprint, [], {
      type: "prepared",
      at: new Date(),
      participantId: "p",
      role: "caseworker",
      shownHash: fingerprint,
      client: opening,
    });
    expect(JSON.stringify(e)).not.toContain(facts.ip);
    expect(JSON.stringify(e)).not.toContain(facts.userAgent);
    expect(e.client).toBe(clientCommitment(opening));
    // The salt makes it hiding: the same facts commit differently every time.
    expect(clientCommitment(openClientFacts(facts))).not.toBe(e.client);
    expect(appendEvent(fingerprint, [], { type: "sealed", at: new Date() }).client).toBeNull();
  });

  it("still verifies a chain written before commitments (IP and device in clear text)", () => {
    const unhashed: Omit<LegacyEvent, "hash"> = {
      seq: 1,
      type: "prepared",
      at: "2025-03-04T09:00:00.000Z",
      participantId: "p",
      role: "caseworker",
      name: "Mette",
      authMethod: "oidc",
      ip: facts.ip,
      userAgent: facts.userAgent,
      shownHash: fingerprint,
      reason: null,
      prevHash: fingerprint,
    };
    const legacy: LegacyEvent = { ...unhashed, hash: eventHash(unhashed) };
    expect(legacy.hash).toBe(sha256Hex(canonicalBytes(unhashed)));
    expect(verifyChain(fingerprint, [legacy]).ok).toBe(true);
    const next = appendEvent(fingerprint, [legacy], { type: "sealed", at: "2025-03-04T09:01:00.000Z" });
    expect(verifyChain(fingerprint, [legacy, next]).ok).toBe(true);
    expect(verifyChain(fingerprint, [{ ...legacy, ip: "192.0.2.99" }]).ok).toBe(false);
  });
});
