/**
 * A small iCalendar (RFC 5545) writer for what Stepwise publishes: one VCALENDAR of VEVENTs.
 * Written by hand rather than with a package because it needs only these rules, each easy to get
 * wrong and each tested against a real parser (ical.js) in ics.test.ts:
 *
 * - lines end in CRLF (§3.1);
 * - a content line longer than 75 octets is folded: CRLF and one space, never splitting a UTF-8
 *   character (§3.1);
 * - TEXT values escape backslash, semicolon, comma and newlines (§3.3.11); URI values are not
 *   escaped (§3.3.13);
 * - times are UTC with the "Z" suffix (§3.3.5, form #2), so no VTIMEZONE is needed.
 */
export type IcsEvent = {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
  cancelled: boolean;
  /** RFC 5545 §3.8.7.4: raised on each change of time, place or status, so calendars replace the older copy (same UID). */
  sequence: number;
};

export type IcsCalendar = { prodId: string; name: string | null; events: IcsEvent[]; now: Date };

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** 20260304T090000Z */
export function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** Folds one content line at 75 octets without cutting a multi-byte character in two. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  // The first line may hold 75 octets; each continuation starts with a space, so 74 more.
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function eventLines(e: IcsEvent, now: Date): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${utcStamp(now)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTART:${utcStamp(e.start)}`,
    `DTEND:${utcStamp(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

export function buildCalendar(cal: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(cal.prodId)}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(cal.name ? [`X-WR-CALNAME:${escapeText(cal.name)}`] : []),
    ...cal.events.flatMap((e) => eventLines(e, cal.now)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
