import { describe, expect, it } from "vitest";
import { appendEvent, type SignatureEvent } from "./event-chain";
import { fingerprint as fingerprintOf } from "./fingerprint";
import { sealAgreement } from "./seal";
import { missingSigners, signerStatus } from "./signers";
import { makeTestSigningKey } from "./testing";

const fingerprint = fingerprintOf({ agreementId: "a1" });
const required = ["employee", "manager", "caseworker"];

function chain(...steps: ["signed" | "declined", string][]): SignatureEvent[] {
  const events: SignatureEvent[] = [];
  for (const [i, [type, role]] of steps.entries()) {
    events.push(
      appendEvent(fingerprint, events, {
        type,
        at: new Date(Date.UTC(2025, 2, 4, 9, i)),
        participantId: `p-${role}`,
        role,
        authMethod: "join-link",
        shownHash: fingerprint,
        reason: type === "declined" ? "not yet" : null,
      }),
    );
  }
  return events;
}

describe("required signers", () => {
  it("lists every required role as pending before anyone signs", () => {
    expect(missingSigners(required, fingerprint, [])).toEqual(required);
  });

  it("counts a supporter's signature without requiring it", () => {
    const events = chain(["signed", "employee"], ["signed", "union_rep"], ["signed", "manager"], ["signed", "caseworker"]);
    expect(missingSigners(required, fingerprint, events)).toEqual([]);
  });

  it("takes each role's latest word: sign after declining counts, decline after signing withdraws", () => {
    const events = chain(["declined", "employee"], ["signed", "employee"], ["signed", "manager"], ["declined", "manager"]);
    expect(signerStatus(required, fingerprint, events).map((s) => [s.role, s.state])).toEqual([
      ["employee", "signed"],
      ["manager", "declined"],
      ["caseworker", "pending"],
    ]);
    expect(missingSigners(required, fingerprint, events)).toEqual(["manager", "caseworker"]);
  });
});

describe("the employee is always among the signers", () => {
  it("attack 12 (also): a version whose requiredSigners leave the employee out cannot be sealed without the employee", () => {
    const events = chain(["signed", "caseworker"], ["signed", "manager"]);
    expect(missingSigners(["caseworker", "manager"], fingerprint, events)).toEqual(["employee"]);
    expect(() =>
      sealAgreement({
        fingerprint,
        requiredSigners: ["caseworker", "manager"],
        events,
        key: makeTestSigningKey(),
        at: new Date(Date.UTC(2025, 2, 4, 10)),
      }),
    ).toThrow(/employee/);
    const withEmployee = chain(["signed", "caseworker"], ["signed", "manager"], ["signed", "employee"]);
    expect(missingSigners(["caseworker", "manager"], fingerprint, withEmployee)).toEqual([]);
  });
});
