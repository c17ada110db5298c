import { describe, expect, it } from "vitest";
import { RECONNECT_POLICY, reconnectCeiling, reconnectDelay } from "./reconnect-delay";

const policy = { baseMs: 250, capMs: 10_000 };
const always = (r: number) => () => r;

describe("reconnectDelay (full jitter)", () => {
  it("uses the default policy of 250 ms doubling up to 10 s", () => {
    expect(RECONNECT_POLICY).toEqual(policy);
    expect(reconnectCeiling(0)).toBe(250);
    expect(reconnectDelay(3, always(0.5))).toBe(1_000);
  });

  it("stays within [0, ceiling] for every random value", () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = reconnectCeiling(attempt, policy);
      expect(reconnectDelay(attempt, always(0), policy)).toBe(0);
      expect(reconnectDelay(attempt, always(0.999_999), policy)).toBeLessThanOrEqual(ceiling);
      expect(reconnectDelay(attempt, always(0.999_999), policy)).toBeGreaterThan(ceiling * 0.99);
    }
  });

  it("doubles the ceiling with every attempt", () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => reconnectCeiling(a, policy))).toEqual([250, 500, 1_000, 2_000, 4_000, 8_000]);
    expect([0, 1, 2, 3].map((a) => reconnectDelay(a, always(0.5), policy))).toEqual([125, 250, 500, 1_000]);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(reconnectCeiling(6, policy)).toBe(10_000);
    expect(reconnectCeiling(60, policy)).toBe(10_000);
    expect(reconnectCeiling(5_000, policy)).toBe(10_000); // 2 ** 5000 is Infinity
    expect(reconnectDelay(5_000, always(0.5), policy)).toBe(5_000);
  });

  it("starts from the base again once the attempt count is reset to 0", () => {
    expect(reconnectDelay(9, always(0.999), policy)).toBeGreaterThan(9_000);
    expect(reconnectDelay(0, always(0.999), policy)).toBeLessThanOrEqual(250);
    // Nonsense counts are treated as a reset rather than as a huge or negative wait.
    expect(reconnectCeiling(-3, policy)).toBe(250);
    expect(reconnectCeiling(Number.NaN, policy)).toBe(250);
  });

  it("draws from the given random source, once per call, so clients spread out", () => {
    const draws = [0.1, 0.9, 0.4];
    let calls = 0;
    const source = () => draws[calls++]!;
    expect(draws.map(() => reconnectDelay(4, source, policy))).toEqual([400, 3_600, 1_600]);
    expect(calls).toBe(3);
  });

  it("clamps a broken random source instead of waiting a negative or unbounded time", () => {
    expect(reconnectDelay(2, always(-1), policy)).toBe(0);
    expect(reconnectDelay(2, always(7), policy)).toBe(1_000);
    expect(reconnectDelay(2, always(Number.NaN), policy)).toBe(0);
  });
});
