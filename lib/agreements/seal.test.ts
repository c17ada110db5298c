import { describe, expect, it } from "vitest";
import { AppError, httpStatusOf } from "../errors";
import { canonicalize } from "./canonical-json";
import { appendEvent, type SignatureEvent } from "./event-chain";
import { fingerprint as fingerprintOf } from "./fingerprint";
import { createSeal, sealAgreement, sealPayloadBytes, verifySeal } from "./seal";
import { makeTestSigningKey } from "./testing";

const fingerprint = fingerprintOf({ agreementId: "a1" });
const required = ["employee", "manager", "caseworker"];

function chainSignedBy(...roles: string[]): SignatureEvent[] {
  const events: SignatureEvent[] = [];
  let minute = 0;
  const at = () => new Date(Date.UTC(2025, 2, 4, 9, minute++));
  events.push(
    appendEvent(fingerprint, events, { type: "prepared", at: at(), participantId: "cw", role: "caseworker", shownHash: fingerprint }),
  );
  for (const role of roles) {
    events.push(
      appendEvent(fingerprint, events, {
        type: "signed",
        at: at(),
        participantId: `p-${role}`,
        role,
        name: role,
        authMethod: "join-link",
        shownHash: fingerprint,
      }),
    );
  }
  return events;
}

function sealError(events: SignatureEvent[]): AppError {
  try {
    sealAgreement({ fingerprint, requiredSigners: required, events, key: makeTestSigningKey(), at: new Date() });
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("sealing did not fail");
}

describe("server seal", () => {
  it("signs exactly the canonical {agreementFingerprint, chainHead, kid, sealedAt}", () => {
    const payload = {
      sealedAt: "2025-03-04T10:00:00.000Z",
      kid: "0123456789abcdef",
      chainHead: "c".repeat(64),
      agreementFingerprint: fingerprint,
    };
    expect(new TextDecoder().decode(sealPayloadBytes(payload))).toBe(
      canonicalize({
        agreementFingerprint: fingerprint,
        chainHead: "c".repeat(64),
        kid: "0123456789abcdef",
        sealedAt: "2025-03-04T10:00:00.000Z",
      }),
    );
  });

  it("seals once every required signer has signed, appending the sealed event it signs", () => {
    const key = makeTestSigningKey();
    const events = chainSignedBy("employee", "manager", "caseworker");
    const at = new Date("2025-03-04T10:00:00.000Z");
    const { event, seal } = sealAgreement({ fingerprint, requiredSigners: required, events, key, at });
    expect(event).toMatchObject({ type: "sealed", seq: 5, at: at.toISOString(), prevHash: events[3]!.hash });
    expect(seal).toMatchObject({ kid: key.kid, sealedAt: at.toISOString(), chainHead: event.hash });
    expect(verifySeal(seal, fingerprint, key)).toEqual({ ok: true });
  });

  it("refuses to seal while a required signer is missing (409, naming who)", () => {
    const err = sealError(chainSignedBy("employee", "caseworker"));
    expect(err.code).toBe("CONFLICT");
    expect(httpStatusOf[err.code]).toBe(409);
    expect(err.message).toContain("manager");
    expect(err.details).toEqual({ manager: "not_signed" });
  });

  it("refuses to seal when a required signer's last word was a decline", () => {
    const events = chainSignedBy("employee", "manager", "caseworker");
    events.push(
      appendEvent(fingerprint, events, {
        type: "declined",
        at: new Date(Date.UTC(2025, 2, 4, 9, 30)),
        participantId: "p-manager",
        role: "manager",
        authMethod: "join-link",
        shownHash: fingerprint,
        reason: "Changed my mind",
      }),
    );
    expect(sealError(events).details).toEqual({ manager: "not_signed" });
  });

  it("refuses to seal a chain that does not verify", () => {
    const events = chainSignedBy("employee", "manager", "caseworker");
    events[1] = { ...events[1]!, name: "Someone else" };
    expect(sealError(events).message).toMatch(/do not verify/);
  });

  it("does not verify when the fingerprint, chain head, time, kid or key differ", () => {
    const key = makeTestSigningKey();
    const seal = createSeal({ fingerprint, chainHead: "a".repeat(64), sealedAt: "2025-03-04T10:00:00.000Z", key });
    expect(verifySeal(seal, fingerprint, key).ok).toBe(true);
    expect(verifySeal(seal, fingerprintOf({ other: 1 }), key).ok).toBe(false);
    expect(verifySeal({ ...seal, chainHead: "b".repeat(64) }, fingerprint, key).ok).toBe(false);
    expect(verifySeal({ ...seal, sealedAt: "2025-03-04T10:00:00.001Z" }, fingerprint, key).ok).toBe(false);
    const other = makeTestSigningKey();
    expect(verifySeal({ ...seal, kid: other.kid }, fingerprint, other).ok).toBe(false);
    expect(verifySeal(seal, fingerprint, { kid: key.kid, publicKey: other.publicKey }).ok).toBe(false);
    expect(verifySeal({ ...seal, signature: "not base64!" }, fingerprint, key).ok).toBe(false);
  });
});
