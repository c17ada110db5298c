import { describe, expect, it } from "vitest";
import { addDays, dateInZone, zonedToInstant } from "./zoned";

describe("zoned time", () => {
  it("turns Copenhagen wall-clock time into the right instant in winter and summer", () => {
    expect(zonedToInstant("2026-01-15", "10:00").toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(zonedToInstant("2026-07-15", "10:00").toISOString()).toBe("2026-07-15T08:00:00.000Z");
  });
  it("gives the Copenhagen date of an instant near midnight", () => {
    expect(dateInZone(new Date("2026-03-01T23:30:00Z"))).toBe("2026-03-02");
  });
  it("adds calendar days across month ends", () => {
    expect(addDays("2026-01-30", 3)).toBe("2026-02-02");
  });
});
