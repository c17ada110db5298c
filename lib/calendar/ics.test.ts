import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "./ics";
import { meetingEvent, PROD_ID } from "./meeting-event";

const meeting = {
  id: "6f1c5a60-9a2e-4f55-9d5b-6ab3c1f6b0e1",
  startsAt: new Date("2026-03-04T09:00:00.000Z"),
  durationMinutes: 75,
  location: "Nordlager A/S, mødelokale 2; Industrivej 12, Vejle — a place with a rather long name that needs folding æøå",
  videoUrl: "https://video.example/room?id=1,2;3",
  status: "planned",
  sequence: 0,
};

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return { comp, events: comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

describe("buildCalendar", () => {
  it("writes a file a real parser reads back exactly: times in UTC, text unescaped, long lines folded", () => {
    const text = buildCalendar({
      prodId: PROD_ID,
      name: "Stepwise-møder",
      now: new Date("2026-03-01T08:00:00Z"),
      events: [meetingEvent(meeting, { baseUrl: "https://stepwise.example", locale: "da", host: "stepwise.example" })],
    });
    const { comp, events } = parse(text);
    expect(comp.getFirstPropertyValue("version")).toBe("2.0");
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.summary).toBe("Møde");
    expect(e.location).toBe(meeting.location);
    expect(e.startDate.toJSDate().toISOString()).toBe("2026-03-04T09:00:00.000Z");
    expect(e.endDate.toJSDate().toISOString()).toBe("2026-03-04T10:15:00.000Z");
    expect(e.startDate.zone?.tzid).toBe("UTC");
    expect(e.uid).toBe(`meeting-${meeting.id}@stepwise.example`);
    expect(e.description).toBe(`Åbn mødet i Stepwise: https://stepwise.example/meetings/${meeting.id}\nVideo: ${meeting.videoUrl}`);
    expect(e.component.getFirstPropertyValue("url")).toBe(`https://stepwise.example/meetings/${meeting.id}`);

    // Every physical line ends in CRLF and holds at most 75 octets.
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.split("\r\n").slice(0, -1);
    expect(lines.every((l) => !l.includes("\n") && !l.includes("\r"))).toBe(true);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, "utf8")))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
  });

  it("marks a cancelled meeting so calendars remove it, and leaves out an absent place", () => {
    const text = buildCalendar({
      prodId: PROD_ID,
      name: null,
      now: new Date(),
      events: [
        meetingEvent({ ...meeting, location: null, videoUrl: null, status: "cancelled" }, { baseUrl: "http://x", locale: "en", host: "x" }),
      ],
    });
    const e = parse(text).events[0]!;
    expect(e.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(e.location).toBeNull();
    expect(e.summary).toBe("Meeting");
  });
});

describe("the RFC 5545 details", () => {
  it("escapes backslash, semicolon, comma and newlines in text", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets without splitting a character", () => {
    const line = `DESCRIPTION:${"ø".repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.every((p) => Buffer.byteLength(p, "utf8") <= 75)).toBe(true);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });
});
