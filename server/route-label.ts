/**
 * The `route` label of the HTTP metrics: the path with its ids and tokens replaced by `:id`, so
 * that every meeting's room counts as one route (and a join token never reaches the metrics).
 * Answers 404 count as one route: a scanner probing a thousand paths must not make a thousand series.
 */
const ID = /^(?:[0-9a-f-]{16,}|[A-Za-z0-9_-]{20,}|\d+)$/i;

export function routeLabel(url: string | undefined, status: number): string {
  if (status === 404) return "unmatched";
  const path = (url ?? "/").split("?")[0]!;
  if (path.startsWith("/_next/")) return "/_next";
  const segments = path
    .split("/")
    .filter(Boolean)
    .slice(0, 6)
    .map((s) => (ID.test(s) ? ":id" : s.slice(0, 40)));
  return `/${segments.join("/")}`;
}
