import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fingerprint, sha256Hex } from "./fingerprint";

/** The same object with its keys inserted in another order, at every depth. */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, seed));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const shuffled = entries
    .map((e, i) => ({ e, k: (i * 7919 + seed) % 104729 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.e);
  return Object.fromEntries(shuffled.reverse().map(([k, v]) => [k, reorder(v, seed + 1)]));
}

describe("fingerprint", () => {
  it("is the lowercase SHA-256 hex of the canonical bytes", () => {
    expect(fingerprint({ b: 1, a: "x" })).toBe(createHash("sha256").update('{"a":"x","b":1}').digest("hex"));
    expect(sha256Hex(new Uint8Array())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("is the same for the same plan with its keys in another order", () => {
    const plan = { goal: "30 hours", actions: [{ owner: "manager", text: "desk" }], step: 3, mixer: { hours: 30, tasks: ["a"] } };
    const shuffled = { step: 3, mixer: { tasks: ["a"], hours: 30 }, actions: [{ text: "desk", owner: "manager" }], goal: "30 hours" };
    expect(fingerprint(shuffled)).toBe(fingerprint(plan));
  });

  it("ignores key order for any JSON value (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(1000), (value, seed) => {
        expect(fingerprint(reorder(value, seed))).toBe(fingerprint(value));
      }),
    );
  });

  it("changes when any value changes", () => {
    expect(fingerprint({ step: 3 })).not.toBe(fingerprint({ step: 4 }));
    expect(fingerprint({ a: [1, 2] })).not.toBe(fingerprint({ a: [2, 1] }));
  });
});
