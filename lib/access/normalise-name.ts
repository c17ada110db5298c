/**
 * Same name however it is typed: spacing, letter case and Unicode composition do not matter.
 * Used where a person's name is compared with the one registered for them (signing, eID).
 */
export function normaliseName(s: string): string {
  return s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("da");
}
