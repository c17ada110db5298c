import type { ConsentItem } from "./consent-items";
import { consentKey, type ConsentEntry, type Millis } from "./flow-schema";

/**
 * Every reservation raised in the meeting and how it ended, read from the consent marks and their
 * history (flow-consent.ts): who had reservations about which part of the plan, the comment, when,
 * who recorded it, and — if they later agreed — who recorded that and when. Consecutive
 * "has reservations" marks by the same person (a comment reworded) are one reservation, with its
 * last comment. Only items still in the plan count. Pure: ids and times only; names are added by
 * whoever shows it (the frozen agreement).
 */
export type ReservationRecord = {
  kind: ConsentItem["kind"];
  itemId: string;
  participantId: string;
  comment: string;
  at: Millis;
  by: string;
  resolution: { at: Millis; by: string } | null;
};

export function reservationRecords(
  consent: Readonly<Record<string, ConsentEntry>>,
  items: readonly ConsentItem[],
  participantIds: readonly string[],
): ReservationRecord[] {
  const out: ReservationRecord[] = [];
  for (const item of items) {
    for (const p of participantIds) {
      const entry = consent[consentKey(item.kind, item.id, p)];
      if (!entry) continue;
      const marks = [...entry.history, { value: entry.value, comment: entry.comment, at: entry.at, by: entry.by }];
      let open: ReservationRecord | null = null;
      for (const m of marks) {
        if (m.value === "reservations") {
          if (open) open.comment = m.comment || open.comment;
          else open = { kind: item.kind, itemId: item.id, participantId: p, comment: m.comment, at: m.at, by: m.by, resolution: null };
        } else if (open) {
          open.resolution = { at: m.at, by: m.by };
          out.push(open);
          open = null;
        }
      }
      if (open) out.push(open);
    }
  }
  return out;
}
