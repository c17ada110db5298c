/** The kinds of reminder; a person unsubscribes from each on its own. */
export const REMINDER_KINDS = ["meeting", "action", "progress", "evaluation", "deadline"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export function isReminderKind(v: unknown): v is ReminderKind {
  return typeof v === "string" && (REMINDER_KINDS as readonly string[]).includes(v);
}
