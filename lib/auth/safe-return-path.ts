/**
 * Where to go after signing in: a path on this site only ("/cases/…"), never another origin
 * ("//evil.example", "/\\evil.example", "https://…"). Anything else → /cases.
 */
export function safeReturnPath(raw: unknown, fallback = "/cases"): string {
  if (typeof raw !== "string" || raw.length > 500) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || /[\r\n\t]/.test(raw)) return fallback;
  if (raw.startsWith("/api/") || raw.startsWith("/signin")) return fallback;
  return raw;
}
