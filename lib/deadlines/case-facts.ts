/** The first day of sick leave of a case row (YYYY-MM-DD), or null when it is not set. */
export function caseSickLeaveStart(c: object): string | null {
  const v = (c as { sickLeaveStart?: unknown }).sickLeaveStart;
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}
