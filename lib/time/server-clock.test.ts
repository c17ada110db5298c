import { afterEach, describe, expect, it, vi } from "vitest";
import { assertTestClockAllowed, serverNow, setTestClockOffset, testClockEnabled, withRequestTestClock } from "./server-clock";

afterEach(() => {
  vi.unstubAllEnvs();
  setTestClockOffset(0);
});

describe("serverNow", () => {
  it("is the wall clock until a test moves it", () => {
    const before = Date.now();
    expect(serverNow().getTime()).toBeGreaterThanOrEqual(before);
    setTestClockOffset(120 * 60_000);
    expect(serverNow().getTime() - Date.now()).toBeGreaterThan(119 * 60_000);
  });

  it("cannot be moved outside tests: neither in production nor without the start-up flag", () => {
    expect(testClockEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(testClockEnabled({ NODE_ENV: "development" })).toBe(false);
    expect(testClockEnabled({ NODE_ENV: "production", STEPWISE_TEST_CLOCK: "1" })).toBe(true);
  });

  it("refuses to start with the test clock on a server others can reach", () => {
    expect(() => assertTestClockAllowed({ STEPWISE_TEST_CLOCK: "1", HOST: "0.0.0.0" })).toThrow(/STEPWISE_TEST_CLOCK/);
    expect(() =>
      assertTestClockAllowed({ STEPWISE_TEST_CLOCK: "1", HOST: "127.0.0.1", PUBLIC_URL: "https://stepwise.kommune.dk" }),
    ).toThrow(/STEPWISE_TEST_CLOCK/);
    expect(() =>
      assertTestClockAllowed({ STEPWISE_TEST_CLOCK: "1", HOST: "127.0.0.1", PUBLIC_URL: "http://127.0.0.1:3306" }),
    ).not.toThrow();
    expect(() => assertTestClockAllowed({ HOST: "0.0.0.0", PUBLIC_URL: "https://stepwise.kommune.dk" })).not.toThrow();
  });

  it("moves the clock for one request's handling only, with the header, and leaves everyone else's", async () => {
    const moved = await withRequestTestClock("120", async () => {
      await Promise.resolve();
      return serverNow().getTime() - Date.now();
    });
    expect(moved).toBeGreaterThan(119 * 60_000);
    expect(serverNow().getTime() - Date.now()).toBeLessThan(60_000);
    expect(withRequestTestClock(undefined, () => serverNow().getTime() - Date.now())).toBeLessThan(60_000);
    expect(withRequestTestClock("soon", () => serverNow().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("ignores the header on a server without the test clock", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("STEPWISE_TEST_CLOCK", "");
    expect(withRequestTestClock("120", () => serverNow().getTime() - Date.now())).toBeLessThan(60_000);
  });
});
