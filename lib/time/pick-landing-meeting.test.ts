import { describe, expect, it } from "vitest";
import { zonedToInstant } from "./zoned";
import { pickLandingMeeting } from "./pick-landing-meeting";

const slot = (id: string, date: string, time: string, status = "planned") => ({
  id,
  title: id,
  startsAt: zonedToInstant(date, time),
  durationMinutes: 90,
  status,
});

describe("pickLandingMeeting", () => {
  it("keeps people in today's meeting after its planned end, even when a follow-up is already scheduled", () => {
    const today = slot("today", "2026-12-06", "10:00");
    const next = slot("next", "2027-01-10", "10:00");
    expect(pickLandingMeeting([today, next], zonedToInstant("2026-12-06", "17:00"))?.id).toBe("today");
  });

  it("opens the follow-up once today's meeting is completed, and the next day", () => {
    const next = slot("next", "2027-01-10", "10:00");
    expect(pickLandingMeeting([slot("today", "2026-12-06", "10:00", "completed"), next], zonedToInstant("2026-12-06", "12:00"))?.id).toBe(
      "next",
    );
    expect(pickLandingMeeting([slot("today", "2026-12-06", "10:00"), next], zonedToInstant("2026-12-07", "09:00"))?.id).toBe("next");
  });

  it("before today's meeting starts, or with none today, opens the next one that has not ended", () => {
    const later = slot("later", "2026-12-06", "14:00");
    expect(pickLandingMeeting([later, slot("next", "2027-01-10", "10:00")], zonedToInstant("2026-12-06", "09:00"))?.id).toBe("later");
    expect(
      pickLandingMeeting([slot("cancelled", "2026-12-06", "08:00", "cancelled"), later], zonedToInstant("2026-12-06", "09:00"))?.id,
    ).toBe("later");
  });
});
