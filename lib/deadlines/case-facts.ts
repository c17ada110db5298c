/** The first day of sick leave of a case row (YYYY-MM-DD), or null when it is not set. */
export function caseSickLeaveStart(c: object): string | null {
  const v = (c as { sickLeaveStart?: unknown }).sickLeaveStart;
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

/** A closed case (its outcome recorded): nothing in it is reminded or listed as due any more. */
export function isCaseClosed(c: object): boolean {
  return (c as { state?: unknown }).state === "closed";
}
