import { describe, expect, it } from "vitest";
import { OpenLimiter } from "./open-limiter";

describe("OpenLimiter", () => {
  it("lets a participant open `burst` sockets at once, then one per refill, and keeps participants apart", () => {
    let t = 0;
    const limiter = new OpenLimiter(60, 3, () => t);
    expect([1, 2, 3, 4].map(() => limiter.tryOpen("a"))).toEqual([true, true, true, false]);
    expect(limiter.tryOpen("b")).toBe(true);
    t += 999;
    expect(limiter.tryOpen("a")).toBe(false);
    t += 1;
    expect(limiter.tryOpen("a")).toBe(true);
  });

  it("forgets participants whose bucket is full again", () => {
    let t = 0;
    const limiter = new OpenLimiter(60, 2, () => t);
    limiter.tryOpen("a");
    limiter.tryOpen("b");
    expect(limiter.size).toBe(2);
    t += 60_000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });
});
